using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Mercato.Testing;

/// <summary>
/// A small real HTTP server on a free loopback port, for the outside parties a test needs
/// (a token issuer, a downstream service, an OTLP receiver).
/// </summary>
public static class LoopbackApp
{
    /// <summary>
    /// Builds a slim app, lets <paramref name="map"/> add its endpoints (before start, or they
    /// would not be routed), starts it and returns it with its base URL.
    /// </summary>
    public static async Task<(WebApplication App, string Url)> StartAsync(Action<WebApplication, string> map)
    {
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        map(app, url);
        await app.StartAsync();
        return (app, url);
    }
}
