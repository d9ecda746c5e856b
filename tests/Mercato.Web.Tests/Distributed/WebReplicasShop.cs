using Mercato.Testing;
using Mercato.Web.Tests.Support;

namespace Mercato.Web.Tests.Distributed;

/// <summary>
/// Two replicas of the storefront (<c>--services web</c>, each from a folder of its own) in front of
/// one process hosting the business modules, sharing the test Redis as distributed mode does
/// (<c>RateLimiting:Store</c> <c>redis</c>). The browser talks to the first replica; a test sends
/// requests to the second at <see cref="SecondReplicaUrl"/> (cookies of 127.0.0.1 go to both).
/// </summary>
public sealed class WebReplicasShop : WebShop
{
    private RedisTestKeys? _redis;

    /// <summary>The second replica's base URL.</summary>
    public string SecondReplicaUrl { get; private set; } = string.Empty;

    /// <summary>The shared Redis, under this fixture's own key prefix.</summary>
    public RedisTestKeys Redis => _redis!;

    /// <inheritdoc />
    protected override async Task<MercatoProcess> StartServersAsync(Dictionary<string, string?> settings, int port)
    {
        _redis = await RedisTestKeys.CreateAsync("web-replicas");
        var apiPort = FreePort.Next();
        var secondPort = FreePort.Next();
        var apiUrl = $"http://127.0.0.1:{apiPort}";
        SecondReplicaUrl = $"http://127.0.0.1:{secondPort}";
        settings["Auth:Issuer"] = apiUrl;
        settings["RateLimiting:Store"] = "redis";
        settings["RateLimiting:Redis:ConnectionString"] = TestInfrastructure.Redis;
        settings["RateLimiting:Redis:KeyPrefix"] = _redis.Prefix;

        var api = Track(await MercatoProcess.StartAsync(
            RepoPaths.ServerDll, settings, Workspace.Folder("api"), ["--services", string.Join(',', DistributedWebShop.BusinessModules)], apiPort, waitUntilLive: false));
        var web = new Dictionary<string, string?>(settings, StringComparer.OrdinalIgnoreCase)
        {
            ["Web:ApiUrl"] = apiUrl,
            ["Auth:MetadataAddress"] = apiUrl + "/.well-known/openid-configuration",
        };
        var first = Track(await MercatoProcess.StartAsync(RepoPaths.ServerDll, web, Workspace.Folder("web-1"), ["--services", "web"], port, waitUntilLive: false));
        var second = Track(await MercatoProcess.StartAsync(RepoPaths.ServerDll, web, Workspace.Folder("web-2"), ["--services", "web"], secondPort, waitUntilLive: false));
        await WaitUntilReadyAsync(api);
        await WaitUntilReadyAsync(first);
        await WaitUntilReadyAsync(second);
        return first;
    }

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }
}
