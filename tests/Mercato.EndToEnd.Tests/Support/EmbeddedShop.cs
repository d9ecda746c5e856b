using Mercato.Testing;

namespace Mercato.EndToEnd.Tests.Support;

/// <summary>
/// Embedded mode: one <c>Mercato.Server</c> process hosting every module on SQLite files in its
/// working folder, with in-process events and in-process module clients. Only the payment
/// provider's client is configured: modules in one process need no tokens to talk to each other.
/// </summary>
public sealed class EmbeddedShop : ShopDeployment
{
    /// <inheritdoc />
    protected override async Task<HttpClient> StartAsync()
    {
        var port = FreePort.Next();
        var settings = CommonSettings();
        settings["Auth:Issuer"] = $"http://127.0.0.1:{port}";
        AddServiceClient(settings, PaymentsClient, "ordering.read", "ordering.payments");

        var process = await MercatoProcess.StartAsync(RepoPaths.ServerDll, settings, Workspace.Folder("server"), port: port, waitUntilLive: false);
        Track("server", process);
        await process.WaitUntilLiveAsync(StartupPatience);
        await WaitUntilReadyAsync(process);
        return process.Client;
    }
}
