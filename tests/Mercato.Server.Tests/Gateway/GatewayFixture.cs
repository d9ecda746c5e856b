using Mercato.Server.Tests.Support;
using Mercato.Testing;

namespace Mercato.Server.Tests.Gateway;

/// <summary>
/// A distributed deployment in miniature: a token issuer, a backend (the TestHost with Probe and
/// Audit on SQLite) and <c>Mercato.Server --services gateway</c> routing <c>/api/v1/probe</c> and
/// <c>/api/v1/audit</c> to it. Two more routes lead nowhere: <c>offline</c> points at a port
/// nothing listens on, and <c>unconfigured</c> has no <c>Services:unconfigured:Url</c>.
/// </summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    private readonly TempDirectory _backendDir = new();

    /// <summary>The gateway's working directory (it must stay free of databases).</summary>
    public TempDirectory GatewayDir { get; } = new();

    /// <summary>The token issuer both processes trust.</summary>
    public TestIssuer Issuer { get; private set; } = null!;

    /// <summary>The TestHost the gateway forwards to.</summary>
    public MercatoProcess Backend { get; private set; } = null!;

    /// <summary>The gateway.</summary>
    public MercatoProcess Gateway { get; private set; } = null!;

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        Issuer = await TestIssuer.StartAsync();
        Backend = await Processes.StartTestHostAsync(_backendDir, Issuer.Settings);

        var settings = new Dictionary<string, string?>(Issuer.Settings, StringComparer.OrdinalIgnoreCase)
        {
            ["Gateway:Routes:probe:Prefixes:0"] = "/api/v1/probe",
            ["Services:probe:Url"] = Backend.Url,
            // /api/v1/audit belongs to the Logs module, whose route the gateway knows: pointed at
            // the TestHost, it reaches the test Audit module's /api/v1/audit/entries there.
            ["Services:logs:Url"] = Backend.Url,
            ["Gateway:Routes:offline:Prefixes:0"] = "/api/v1/offline",
            ["Services:offline:Url"] = $"http://127.0.0.1:{FreePort.Next()}",
            ["Gateway:Routes:unconfigured:Prefixes:0"] = "/api/v1/unconfigured",
            // The gateway touches no database: a provider it cannot use must not matter.
            ["Persistence:Provider"] = "postgres",
        };
        Gateway = await Processes.StartServerAsync(GatewayDir, settings, ["--services", "gateway"]);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Gateway is not null)
        {
            await Gateway.DisposeAsync();
        }

        if (Backend is not null)
        {
            await Backend.DisposeAsync();
        }

        if (Issuer is not null)
        {
            await Issuer.DisposeAsync();
        }

        GatewayDir.Dispose();
        _backendDir.Dispose();
    }
}
