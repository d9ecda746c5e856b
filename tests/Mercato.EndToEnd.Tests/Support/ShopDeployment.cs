using System.Security.Cryptography;
using System.Text;
using Mercato.Testing;

namespace Mercato.EndToEnd.Tests.Support;

/// <summary>
/// A running Mercato shop made of <c>Mercato.Server</c> processes, reached through one public
/// base URL (the gateway, or the single embedded process). It knows the administrator and the
/// payment provider's service client, and keeps every process's output for failure messages.
/// Processes are stopped by their pid (SIGTERM, then a kill if they hang) when it is disposed.
/// </summary>
public abstract class ShopDeployment : IAsyncLifetime
{
    /// <summary>The administrator created on Identity's first start.</summary>
    public const string AdminEmail = "admin@e2e.test";

    /// <summary>The administrator's password.</summary>
    public const string AdminPassword = "E2e-Admin-Passw0rd!";

    /// <summary>The client a payment provider uses to report payments (scopes ordering.read and ordering.payments).</summary>
    public const string PaymentsClient = "payments-provider";

    /// <summary>The secret of every service client of the shop (Identity keeps only its SHA-256).</summary>
    public const string ClientSecret = "e2e-service-secret-7Hq2";

    /// <summary>Lines of each process's output shown when a flow fails.</summary>
    private const int LogLinesOnFailure = 60;

    private readonly List<(string Name, MercatoProcess Process)> _processes = [];

    /// <summary>How long a process may take to start on a loaded machine (several start at once, each migrating its databases).</summary>
    protected static readonly TimeSpan StartupPatience = MercatoProcess.StartupPatience;

    /// <summary>The working folder of every process (deleted at the end).</summary>
    protected TempDirectory Workspace { get; } = new();

    /// <summary>The public base URL: the gateway, or the embedded process.</summary>
    public HttpClient Api { get; private set; } = null!;

    /// <summary>The processes, by name, in start order.</summary>
    public IReadOnlyList<(string Name, MercatoProcess Process)> Processes => _processes;

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        try
        {
            Api = await StartAsync();
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the processes (registering each with <see cref="Track"/>) and returns the public client.</summary>
    protected abstract Task<HttpClient> StartAsync();

    /// <summary>
    /// Whether the Catalog has recorded that <paramref name="userId"/> received <paramref name="productId"/>
    /// (its <c>catalog_purchases</c> row, written when <c>OrderDelivered</c> arrives). Nothing in the
    /// API shows it before a review is written, and a user reviews a product only once, so the flow
    /// waits on the stored row and then checks the review through the API.
    /// </summary>
    public abstract Task<bool> HasRecordedPurchaseAsync(Guid userId, Guid productId);

    /// <summary>Removes what the deployment left outside its processes (databases); nothing by default.</summary>
    protected virtual Task CleanUpAsync() => Task.CompletedTask;

    /// <summary>Remembers a started process so that it is stopped at the end and its output shown on failure.</summary>
    protected MercatoProcess Track(string name, MercatoProcess process)
    {
        lock (_processes)
        {
            _processes.Add((name, process));
        }

        return process;
    }

    /// <summary>
    /// Runs a flow; if it fails, the last lines each process wrote go to the test's output
    /// before the failure is rethrown unchanged.
    /// </summary>
    public async Task RunAsync(Func<Task> flow)
    {
        try
        {
            await flow();
        }
        catch
        {
            TestContext.Current.TestOutputHelper?.WriteLine(DescribeOutput());
            throw;
        }
    }

    /// <summary>The last lines of every process's output, each under its name, pid and exit state.</summary>
    public string DescribeOutput()
    {
        var text = new StringBuilder();
        foreach (var (name, process) in _processes)
        {
            var state = process.HasExited ? $"exited with {process.ExitCode}" : "running";
            text.Append(CultureInfoInvariant($"==== {name} (pid {process.Id}, {process.Url}, {state}) ====\n"));
            foreach (var line in process.Output.TakeLast(LogLinesOnFailure))
            {
                text.Append(line).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// Settings every process of the shop gets: a cheap password hash, no demo data, no rate limits,
    /// quiet EF, and mail through the test SMTP server (read back with <see cref="MailServer"/>).
    /// </summary>
    protected static Dictionary<string, string?> CommonSettings() => new(StringComparer.OrdinalIgnoreCase)
    {
        ["Identity:Admin:Email"] = AdminEmail,
        ["Identity:Admin:Password"] = AdminPassword,
        ["Identity:Password:HashIterations"] = "1000",
        // The flow creates the products it buys; 200 demo products would only slow every start.
        ["Catalog:DemoData:Enabled"] = "false",
        // The limits are tested elsewhere; one flow must not trip a guest burst of 10.
        ["RateLimiting:Enabled"] = "false",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        ["Messaging:Relay:PollInterval"] = "00:00:00.250",
        ["Messaging:Relay:BaseDelay"] = "00:00:00.250",
        ["Notifications:Email:Transport"] = "smtp",
        ["Notifications:Email:Smtp:Host"] = MailServer.Host,
        ["Notifications:Email:Smtp:Port"] = MailServer.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Notifications:Email:Smtp:Security"] = "none",
        ["Notifications:DispatchInterval"] = "00:00:00.250",
        ["Notifications:ShopName"] = "Harbour Lights",
        // The flow's webhook receiver listens on loopback, which only the allow-list lets through.
        ["Webhooks:AllowedHosts:0"] = "127.0.0.1/32",
        ["Webhooks:DispatchInterval"] = "00:00:00.250",
        ["Logs:Shipping:FlushInterval"] = "00:00:00.250",
    };

    /// <summary>The shopper flow's shops: customers verify their address (by the mailed link) before they may order.</summary>
    protected static void RequireVerifiedEmail(IDictionary<string, string?> settings) => settings["Ordering:RequireVerifiedEmail"] = "true";

    /// <summary>Configures a service client in Identity (<c>Identity:Clients:&lt;id&gt;</c>) with the shop's secret.</summary>
    protected static void AddServiceClient(IDictionary<string, string?> settings, string clientId, params string[] scopes)
    {
        settings[$"Identity:Clients:{clientId}:SecretHash"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ClientSecret)));
        for (var i = 0; i < scopes.Length; i++)
        {
            settings[$"Identity:Clients:{clientId}:Scopes:{i}"] = scopes[i];
        }
    }

    /// <summary>Polls <c>/health/ready</c> until it answers 200 (databases and broker reachable).</summary>
    protected static Task WaitUntilReadyAsync(MercatoProcess process) => process.WaitUntilReadyAsync(StartupPatience);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        // All at once, as an orchestrator stops a deployment (and as scripts/run-distributed.sh does).
        await Task.WhenAll(_processes.Select(entry => entry.Process.StopAsync(TimeSpan.FromSeconds(30))));

        _processes.Clear();
        try
        {
            await CleanUpAsync();
        }
        finally
        {
            Workspace.Dispose();
            GC.SuppressFinalize(this);
        }
    }

    private static string CultureInfoInvariant(FormattableString text) => FormattableString.Invariant(text);
}
