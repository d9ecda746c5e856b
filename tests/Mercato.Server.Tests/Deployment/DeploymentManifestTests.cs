namespace Mercato.Server.Tests.Deployment;

/// <summary>
/// The deployment files (<c>deploy/compose.yaml</c>, <c>deploy/kubernetes</c>) against the code:
/// every configuration key they set is one the code reads (a misspelt key would be ignored
/// silently at run time), every service the server knows runs in both, and nothing else does.
/// Their schemas are checked by <c>scripts/checks/deploy.sh</c>.
/// </summary>
public sealed class DeploymentManifestTests
{
    private static readonly ConfigurationKeys Keys = ConfigurationKeys.OfServer();

    private static readonly string[] KnownServices = [.. ServerModules.All.Select(m => m.Name)];

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
