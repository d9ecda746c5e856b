using System.Text.Json;
using Mercato.Platform.Hosting;
using Mercato.Server.Tests.Support;
using Mercato.Testing;

namespace Mercato.Server.Tests.ServiceClients;

/// <summary>
/// <c>Mercato.Server service-clients</c> prints, for every service as it runs alone, its client id
/// and the scopes its calls need: what its consumers declare where they add a neighbour's HTTP
/// client, plus <c>logs.write</c> for log shipping. The table is written out here in full, so a
/// consumer that drops or adds a scope (or a service that stops or starts shipping logs) fails.
/// </summary>
public sealed class ServiceClientsCommandTests
{
    /// <summary>The table, in the executable's module order.</summary>
    private static readonly string[] Table =
    [
        "identity identity-service logs.write",
        "catalog catalog-service logs.write",
        "cart cart-service catalog.read logs.write",
        "ordering ordering-service catalog.stock cart.checkout identity.addresses logs.write",
        "payments payments-service ordering.read ordering.payments logs.write",
        "notifications notifications-service ordering.read logs.write",
        "webhooks webhooks-service logs.write",
        "support support-service ordering.read logs.write",
        "logs",
        "web web-service logs.write",
        "gateway gateway-service logs.write",
    ];

    [Fact]
    public async Task Prints_each_service_its_client_and_the_scopes_its_calls_need_without_starting_anything()
    {
        using var workDir = new TempDirectory();

        await using var process = await Processes.RunToExitAsync(RepoPaths.ServerDll, workDir, new Dictionary<string, string?>(), "service-clients");

        Assert.Equal(0, process.ExitCode);
        Assert.Equal(Table, process.Output);
        Assert.Empty(Directory.EnumerateFileSystemEntries(workDir.Path));
    }

    [Fact]
    public async Task With_json_prints_the_same_table_as_one_array()
    {
        using var workDir = new TempDirectory();

        await using var process = await Processes.RunToExitAsync(RepoPaths.ServerDll, workDir, new Dictionary<string, string?>(), "service-clients", "--json");

        Assert.Equal(0, process.ExitCode);
        using var json = JsonDocument.Parse(Assert.Single(process.Output));
        var rows = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(
            Table,
            rows.Select(r => string.Join(' ', [
                r.GetProperty("service").GetString()!,
                .. r.GetProperty("clientId").GetString() is { } id ? [id] : Array.Empty<string>(),
                .. r.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()!)])));
        var logs = Assert.Single(rows, r => r.GetProperty("service").GetString() == "logs");
        Assert.Equal(JsonValueKind.Null, logs.GetProperty("clientId").ValueKind);
        Assert.Equal(0, logs.GetProperty("scopes").GetArrayLength());
    }

    [Fact]
    public async Task Is_configured_as_a_service_is_and_without_log_shipping_a_service_needs_only_its_calls_scopes()
    {
        using var workDir = new TempDirectory();

        await using var process = await Processes.RunToExitAsync(
            RepoPaths.ServerDll, workDir, new Dictionary<string, string?> { ["Logs:Shipping:Enabled"] = "false" }, "service-clients");

        Assert.Equal(0, process.ExitCode);
        Assert.Equal(
            [
                "identity",
                "catalog",
                "cart cart-service catalog.read",
                "ordering ordering-service catalog.stock cart.checkout identity.addresses",
                "payments payments-service ordering.read ordering.payments",
                "notifications notifications-service ordering.read",
                "webhooks",
                "support support-service ordering.read",
                "logs",
                "web",
                "gateway",
            ],
            process.Output);
    }

    [Fact]
    public async Task Selecting_services_is_a_configuration_error_exit_2()
    {
        using var workDir = new TempDirectory();

        await using var process = await Processes.RunToExitAsync(
            RepoPaths.ServerDll, workDir, new Dictionary<string, string?>(), "service-clients", "--services", "ordering");

        Assert.Equal(MercatoHost.InvalidConfigurationExitCode, process.ExitCode);
        var message = Assert.Single(process.Output);
        Assert.StartsWith(ConfigurationErrors.Prefix, message, StringComparison.Ordinal);
        Assert.Contains("--services", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_testing_helper_reads_the_same_table()
    {
        var rows = await ServiceClientTable.ReadAsync();

        Assert.Equal(Table, rows.Select(r => r.ToLine()));
        Assert.Equal(ServerModules.All.Select(m => m.Name), rows.Select(r => r.Service));
    }
}
