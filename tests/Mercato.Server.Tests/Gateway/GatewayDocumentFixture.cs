using Mercato.Testing;

namespace Mercato.Server.Tests.Gateway;

/// <summary>
/// The embedded server (every module in one process, on SQLite), the Catalog alone in a second
/// process, and <c>Mercato.Server --services gateway</c> routing the Catalog to the second process
/// and every other module to the first: the gateway merges documents fetched from two processes.
/// </summary>
public sealed class GatewayDocumentFixture : IAsyncLifetime
{
    /// <summary>Every business module, as the gateway routes them.</summary>
    public static readonly string[] Modules = ["identity", "catalog", "cart", "ordering", "payments", "notifications", "webhooks", "support", "logs", "web"];

    private readonly TempDirectory _embeddedDir = new();
    private readonly TempDirectory _catalogDir = new();
    private readonly TempDirectory _gatewayDir = new();

    /// <summary>The embedded server: the reference document.</summary>
    public MercatoProcess Embedded { get; private set; } = null!;

    /// <summary>The Catalog on its own.</summary>
    public MercatoProcess Catalog { get; private set; } = null!;

    /// <summary>The gateway.</summary>
    public MercatoProcess Gateway { get; private set; } = null!;

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        Embedded = await StartAsync(_embeddedDir, new Dictionary<string, string?>
        {
            ["Identity:Admin:Password"] = "Gateway-Doc-Passw0rd!",
            ["Identity:Password:HashIterations"] = "1000",
            ["Catalog:DemoData:Enabled"] = "false",
        });
        var auth = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Auth:Issuer"] = Embedded.Url,
            ["Auth:MetadataAddress"] = Embedded.Url + "/.well-known/openid-configuration",
        };
        Catalog = await StartAsync(
            _catalogDir, new Dictionary<string, string?>(auth, StringComparer.OrdinalIgnoreCase) { ["Catalog:DemoData:Enabled"] = "false" }, ["--services", "catalog"]);

        var gateway = new Dictionary<string, string?>(auth, StringComparer.OrdinalIgnoreCase) { ["Persistence:Provider"] = "postgres" };
        foreach (var module in Modules)
        {
            gateway[$"Services:{module}:Url"] = module == "catalog" ? Catalog.Url : Embedded.Url;
        }

        Gateway = await StartAsync(_gatewayDir, gateway, ["--services", "gateway"]);
    }

    /// <summary>Starts Mercato.Server, waiting up to three minutes (every module migrates its SQLite database on a busy machine).</summary>
    private static async Task<MercatoProcess> StartAsync(TempDirectory dir, Dictionary<string, string?> settings, string[]? arguments = null)
    {
        settings["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning";
        var process = await MercatoProcess.StartAsync(RepoPaths.ServerDll, settings, dir.Path, arguments, waitUntilLive: false);
        try
        {
            await process.WaitUntilLiveAsync(MercatoProcess.StartupPatience);
            return process;
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var process in new[] { Gateway, Catalog, Embedded })
        {
            if (process is not null)
            {
                await process.DisposeAsync();
            }
        }

        _gatewayDir.Dispose();
        _catalogDir.Dispose();
        _embeddedDir.Dispose();
    }
}
