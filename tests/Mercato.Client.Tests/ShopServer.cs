using System.Globalization;
using Mercato.Testing;

[assembly: AssemblyFixture(typeof(Mercato.Client.Tests.ShopServer))]

namespace Mercato.Client.Tests;

/// <summary>
/// The shop the client talks to: the built <c>Mercato.Server</c> in embedded mode (every module,
/// SQLite files in a temporary folder, the demo catalog) on a free loopback port, with ten-second
/// access tokens and no clock skew so that the token tests see a token expire. One for the assembly.
/// </summary>
public sealed class ShopServer : IAsyncLifetime
{
    /// <summary>The administrator created on the first start.</summary>
    public const string AdminEmail = "admin@client.test";

    /// <summary>The administrator's password.</summary>
    public const string AdminPassword = "Client-Admin-Passw0rd!";

    /// <summary>The access tokens' lifetime (the shortest Identity accepts).</summary>
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan StartupPatience = MercatoProcess.StartupPatience;
    private readonly TempDirectory _workspace = new();
    private MercatoProcess? _server;

    /// <summary>The server's base URL.</summary>
    public Uri Url => new(_server!.Url);

    /// <summary>A new client of the server.</summary>
    /// <param name="refreshBeforeExpiry">Whether the client refreshes before the token expires (false: only after a 401).</param>
    /// <returns>The client.</returns>
    public MercatoClient NewClient(bool refreshBeforeExpiry = true) =>
        new(new MercatoClientOptions { BaseUrl = Url, RefreshBeforeExpiry = refreshBeforeExpiry });

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        var port = FreePort.Next();
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Auth:Issuer"] = $"http://127.0.0.1:{port}",
            ["Auth:ClockSkew"] = "00:00:00",
            ["Identity:AccessTokenLifetime"] = AccessTokenLifetime.ToString("c", CultureInfo.InvariantCulture),
            ["Identity:Admin:Email"] = AdminEmail,
            ["Identity:Admin:Password"] = AdminPassword,
            ["Identity:Password:HashIterations"] = "1000",
            ["Catalog:DemoData:Enabled"] = "true",
            ["RateLimiting:Enabled"] = "false",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            ["Messaging:Relay:PollInterval"] = "00:00:00.250",
            ["Messaging:Relay:BaseDelay"] = "00:00:00.250",
            ["Payments:Sandbox:WebhookDelay"] = "00:00:00.500",
        };
        _server = await MercatoProcess.StartAsync(RepoPaths.ServerDll, settings, _workspace.Folder("server"), port: port, waitUntilLive: false);
        await _server.WaitUntilLiveAsync(StartupPatience);
        await _server.WaitUntilReadyAsync(StartupPatience);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.StopAsync(TimeSpan.FromSeconds(20));
        }

        _workspace.Dispose();
    }
}
