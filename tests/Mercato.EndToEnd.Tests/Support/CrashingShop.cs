using Mercato.Testing;
using Microsoft.Data.Sqlite;

namespace Mercato.EndToEnd.Tests.Support;

/// <summary>
/// An embedded shop (one <c>Mercato.Server</c> process, SQLite files in its working folder) that a
/// test kills and starts again on the same data. Before the crash the sandbox answers a saved-card
/// charge only <see cref="ResponseDelay"/> after recording it, like a provider behind a slow network,
/// and neither its webhook nor reconciliation comes for an hour; after the restart reconciliation
/// runs every second. So between the sandbox's record of a charge and Payments' commit the test has
/// time to kill the process, and only reconciliation can heal what the crash left.
/// </summary>
public sealed class CrashingShop : ShopDeployment
{
    /// <summary>How long the sandbox takes to answer a charge before the crash.</summary>
    public static readonly TimeSpan ResponseDelay = TimeSpan.FromMinutes(2);

    private int _port;

    /// <summary>The process running now (the first one until <see cref="RestartAsync"/>).</summary>
    public MercatoProcess Server { get; private set; } = null!;

    /// <inheritdoc />
    protected override async Task<HttpClient> StartAsync()
    {
        _port = FreePort.Next();
        var settings = Settings();
        settings["Payments:Sandbox:ResponseDelay"] = ResponseDelay.ToString();
        settings["Payments:Sandbox:WebhookDelay"] = "01:00:00";
        settings["Payments:ReconciliationInterval"] = "01:00:00";
        await StartServerAsync("server", settings);
        return Server.Client;
    }

    /// <summary>Kills the server abruptly (SIGKILL by its pid), as a crash or the OOM killer would.</summary>
    public Task KillAsync() => Server.KillAsync();

    /// <summary>Starts the server again on the same data folder and port, reconciling every second; answers its client.</summary>
    public async Task<HttpClient> RestartAsync()
    {
        var settings = Settings();
        settings["Payments:Sandbox:WebhookDelay"] = "01:00:00";
        settings["Payments:ReconciliationInterval"] = "00:00:01";
        await StartServerAsync("server after the crash", settings);
        return Server.Client;
    }

    /// <summary>Runs a <c>COUNT</c> over the Payments database file (read-only, a connection of its own).</summary>
    public async Task<long> CountPaymentsRowsAsync(string sql, params (string Name, object Value)[] parameters)
        => Convert.ToInt64(await PaymentsScalarAsync(sql, parameters), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Reads one text value from the Payments database file (read-only, a connection of its own).</summary>
    public async Task<string> ReadPaymentsTextAsync(string sql, params (string Name, object Value)[] parameters)
        => Convert.ToString(await PaymentsScalarAsync(sql, parameters), System.Globalization.CultureInfo.InvariantCulture)
            ?? throw new InvalidOperationException("No value: " + sql);

    /// <inheritdoc />
    public override Task<bool> HasRecordedPurchaseAsync(Guid userId, Guid productId) =>
        throw new NotSupportedException("The crash flow does not deliver orders.");

    private async Task<object?> PaymentsScalarAsync(string sql, (string Name, object Value)[] parameters)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Workspace.Combine("server", "data", "payments.db"),
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteScalarAsync();
    }

    private Dictionary<string, string?> Settings()
    {
        var settings = CommonSettings();
        settings["Auth:Issuer"] = $"http://127.0.0.1:{_port}";
        return settings;
    }

    private async Task StartServerAsync(string name, Dictionary<string, string?> settings)
    {
        Server = Track(name, await MercatoProcess.StartAsync(RepoPaths.ServerDll, settings, Workspace.Folder("server"), port: _port, waitUntilLive: false));
        await Server.WaitUntilLiveAsync(StartupPatience);
        await WaitUntilReadyAsync(Server);
    }
}
