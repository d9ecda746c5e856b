using Mercato.Platform.Hosting;
using Mercato.Testing;

namespace Mercato.Server.Tests.Deployment;

/// <summary>
/// The deployment files (<c>deploy/compose.yaml</c>, <c>deploy/kubernetes</c>) against the code:
/// every configuration key they set is one the code reads (a misspelt key would be ignored
/// silently at run time), every service the server knows runs in both, and nothing else does, and
/// the service clients (Identity's and each service's own) are the code's table, no scope more or
/// less. Their schemas are checked by <c>scripts/checks/deploy.sh</c>.
/// </summary>
public sealed class DeploymentManifestTests
{
    private static readonly ConfigurationKeys Keys = ConfigurationKeys.OfServer();

    private static readonly string[] KnownServices = [.. ServerModules.All.Select(m => m.Name)];

    /// <summary>What <c>Mercato.Server service-clients</c> prints, composed in this process.</summary>
    private static readonly IReadOnlyList<ServiceClientNeeds> ServiceClients =
        ServiceClientsCommand.Table([], ServerModules.All, ServerModules.EveryProcess);

    [Theory]
    [InlineData("compose")]
    [InlineData("kubernetes")]
    public void Every_key_the_files_set_is_read_by_the_code(string files) =>
        AssertKnownKeys(Processes(files));

    [Theory]
    [InlineData("compose")]
    [InlineData("kubernetes")]
    public void Every_service_the_server_knows_runs_once_and_nothing_else(string files) =>
        AssertServices(Processes(files));

    [Fact]
    public void Both_run_a_migration_of_every_module_and_services_do_not_migrate_at_start()
    {
        foreach (var processes in new[] { DeploymentFiles.Compose(), DeploymentFiles.Kubernetes() })
        {
            var migration = Assert.Single(processes, p => p.Migrates);
            Assert.Equal(["all"], migration.Services);
            Assert.All(processes.Where(p => !p.Migrates && p.Services is not ["gateway"]), p =>
                Assert.True(p.Settings.ContainsKey("Persistence__MigrateOnStart"), $"{p.Source} does not set Persistence__MigrateOnStart"));
        }
    }

    [Theory]
    [InlineData("compose")]
    [InlineData("kubernetes")]
    public void Service_clients_and_their_scopes_are_the_codes(string files) =>
        AssertServiceClients(Processes(files), ServiceClients);

    [Theory]
    [InlineData("compose")]
    [InlineData("kubernetes")]
    public void A_scope_the_code_adds_or_drops_is_reported_at_identity_and_at_the_service(string files)
    {
        var processes = Processes(files);
        var added = Changed(ServiceClients, "ordering", scopes => [.. scopes, "catalog.read"]);
        var dropped = Changed(ServiceClients, "cart", scopes => [.. scopes.Where(s => s != "catalog.read")]);
        var none = Changed(ServiceClients, "catalog", _ => []);

        Assert.Equal(2, DeployedServiceClients.Mismatches(processes, added).Count(p => p.Contains("lacks catalog.read", StringComparison.Ordinal)));
        Assert.Equal(2, DeployedServiceClients.Mismatches(processes, dropped).Count(p => p.Contains("has catalog.read", StringComparison.Ordinal)));
        var problems = DeployedServiceClients.Mismatches(processes, none);
        Assert.Contains(problems, p => p.Contains("Identity has a client catalog-service, which no service needs", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("catalog needs no service client", StringComparison.Ordinal));
    }

    [Fact]
    public void A_scope_added_or_dropped_in_a_file_is_reported()
    {
        using var copy = new TempDirectory();
        CopyFolder(DeploymentFiles.Folder, copy.Path);
        var compose = Path.Combine(copy.Path, "compose.yaml");
        var secrets = Path.Combine(copy.Path, "kubernetes", "secrets.yaml");
        Edit(compose, "      Identity__Clients__cart-service__Scopes__0: catalog.read\n", string.Empty);
        Edit(compose, "      Auth__ServiceClient__ClientId: webhooks-service\n", "      Auth__ServiceClient__ClientId: webhooks-service\n      Auth__ServiceClient__Scopes__7: ordering.read\n");
        Edit(secrets, "  Identity__Clients__payments-service__Scopes__1: ordering.payments\n", "  Identity__Clients__payments-service__Scopes__1: ordering.payments\n  Identity__Clients__payments-service__Scopes__9: catalog.stock\n");

        var inCompose = DeployedServiceClients.Mismatches(DeploymentFiles.Compose(compose), ServiceClients);
        var inKubernetes = DeployedServiceClients.Mismatches(DeploymentFiles.Kubernetes(Path.Combine(copy.Path, "kubernetes")), ServiceClients);

        Assert.Equal(2, inCompose.Count);
        Assert.Contains(inCompose, p => p.Contains("client cart-service lacks catalog.read", StringComparison.Ordinal));
        Assert.Contains(inCompose, p => p.Contains("service webhooks: Auth__ServiceClient__Scopes has ordering.read", StringComparison.Ordinal));
        Assert.Contains(inKubernetes, p => p.Contains("client payments-service has catalog.stock", StringComparison.Ordinal));
        Assert.Single(inKubernetes);
    }

    [Theory]
    [InlineData("Cart__TaxRate")]
    [InlineData("Identity__Clients__cart-service__Scopes__0")]
    [InlineData("Identity__SigningKeys__Keys__0__PrivateKeyFile")]
    [InlineData("Services__Catalog__Resilience__Retry__MaxRetryAttempts")]
    [InlineData("Services__Payments__Url")]
    [InlineData("Catalog__DemoData__Enabled")]
    [InlineData("RateLimiting__Plans__Guest__Limit")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT")]
    public void The_key_catalogue_knows_keys_the_code_reads(string variable)
    {
        Assert.True(Keys.SectionCount > 20, $"only {Keys.SectionCount} settings classes found");
        Assert.True(Keys.Knows(variable), variable);
    }

    [Theory]
    [InlineData("Cart__TaxRat")]
    [InlineData("Cart__TaxRate__Extra")]
    [InlineData("Identity__Password__MinLength")]
    [InlineData("Identity__SigningKeys__Keys__first__PrivateKeyFile")]
    [InlineData("Services__Nowhere__Url")]
    [InlineData("Persistance__Provider")]
    [InlineData("Messaging__RabbitMQ__Url")]
    public void The_key_catalogue_refuses_keys_the_code_does_not_read(string variable) =>
        Assert.False(Keys.Knows(variable), variable);

    private static IReadOnlyList<DeployedProcess> Processes(string files) =>
        files == "compose" ? DeploymentFiles.Compose() : DeploymentFiles.Kubernetes();

    private static void AssertKnownKeys(IReadOnlyList<DeployedProcess> processes)
    {
        Assert.NotEmpty(processes);
        var unknown = processes
            .SelectMany(p => p.Settings.Where(s => !Keys.Knows(s.Key)).Select(s => $"{p.Source}: {s.Key} (from {s.Value})"))
            .ToList();
        Assert.True(unknown.Count == 0, "Settings the code does not read:\n" + string.Join('\n', unknown));
    }

    private static void AssertServiceClients(IReadOnlyList<DeployedProcess> processes, IReadOnlyList<ServiceClientNeeds> table)
    {
        Assert.Contains(table, r => r.ClientId is not null);
        var problems = DeployedServiceClients.Mismatches(processes, table);
        Assert.True(problems.Count == 0, "Service clients that differ from `Mercato.Server service-clients`:\n" + string.Join('\n', problems));
    }

    private static List<ServiceClientNeeds> Changed(
        IReadOnlyList<ServiceClientNeeds> table, string service, Func<IReadOnlyList<string>, IReadOnlyList<string>> scopes) =>
        [.. table.Select(r => r.Service == service ? r with { Scopes = scopes(r.Scopes) } : r)];

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(from, f).StartsWith("validate", StringComparison.Ordinal)))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static void Edit(string file, string from, string to)
    {
        var text = File.ReadAllText(file);
        Assert.Contains(from, text, StringComparison.Ordinal);
        File.WriteAllText(file, text.Replace(from, to, StringComparison.Ordinal));
    }

    private static void AssertServices(IReadOnlyList<DeployedProcess> processes)
    {
        var serving = processes.Where(p => !p.Migrates).ToList();
        var unknown = serving.Where(p => p.Services.Count == 0 || p.Services.Any(s => !KnownServices.Contains(s))).Select(p => p.Source).ToList();
        Assert.True(unknown.Count == 0, "Processes that run no known service: " + string.Join(", ", unknown));
        var missing = KnownServices.Where(s => !serving.Any(p => p.Services.Contains(s))).ToList();
        Assert.True(missing.Count == 0, "Services the server knows that nothing runs: " + string.Join(", ", missing));
        var twice = KnownServices.Where(s => serving.Count(p => p.Services.Contains(s)) > 1).ToList();
        Assert.True(twice.Count == 0, "Services run by more than one process definition: " + string.Join(", ", twice));
    }
}
