using Mercato.Testing;
using Mercato.Web.Tests.Support;

namespace Mercato.Web.Tests.Distributed;

/// <summary>
/// The storefront and dashboard as their own service (<c>--services web</c>) behind the gateway:
/// the browser talks to the gateway only; the gateway sends page paths to the web process and API
/// paths to the process hosting the business modules; the web process calls the API through the
/// gateway (<c>Web:ApiUrl</c>), as any outside client would.
/// </summary>
public sealed class DistributedWebShop : WebShop
{
    /// <summary>Every module but the storefront, hosted by one API process behind the storefront.</summary>
    internal static readonly string[] BusinessModules = ["identity", "catalog", "cart", "ordering", "payments", "notifications", "webhooks", "support", "logs"];

    /// <inheritdoc />
    protected override async Task<MercatoProcess> StartServersAsync(Dictionary<string, string?> settings, int port)
    {
        var gatewayUrl = $"http://127.0.0.1:{port}";
        var apiPort = FreePort.Next();
        var webPort = FreePort.Next();
        var apiUrl = $"http://127.0.0.1:{apiPort}";
        settings["Auth:Issuer"] = gatewayUrl;

        var api = Track(await MercatoProcess.StartAsync(
            RepoPaths.ServerDll, settings, Workspace.Folder("api"), ["--services", string.Join(',', BusinessModules)], apiPort, waitUntilLive: false));

        var web = new Dictionary<string, string?>(settings, StringComparer.OrdinalIgnoreCase)
        {
            ["Web:ApiUrl"] = gatewayUrl,
            ["Auth:MetadataAddress"] = apiUrl + "/.well-known/openid-configuration",
        };
        var webProcess = Track(await MercatoProcess.StartAsync(RepoPaths.ServerDll, web, Workspace.Folder("web"), ["--services", "web"], webPort, waitUntilLive: false));

        var gateway = new Dictionary<string, string?>(settings, StringComparer.OrdinalIgnoreCase)
        {
            ["Auth:MetadataAddress"] = apiUrl + "/.well-known/openid-configuration",
            ["Services:web:Url"] = $"http://127.0.0.1:{webPort}",
        };
        foreach (var module in BusinessModules)
        {
            gateway[$"Services:{module}:Url"] = apiUrl;
        }

        var gatewayProcess = Track(await MercatoProcess.StartAsync(RepoPaths.ServerDll, gateway, Workspace.Folder("gateway"), ["--services", "gateway"], port, waitUntilLive: false));
        await WaitUntilReadyAsync(api);
        await WaitUntilReadyAsync(webProcess);
        await WaitUntilReadyAsync(gatewayProcess);
        return gatewayProcess;
    }
}
