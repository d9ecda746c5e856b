using System.Collections.Concurrent;
using Mercato.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Mercato.Webhooks.Tests.Support;

/// <summary>One request a receiver got.</summary>
/// <param name="Headers">Its headers (names lower case).</param>
/// <param name="Body">Its raw body.</param>
/// <param name="ReceivedAt">When it arrived (real time).</param>
public sealed record ReceivedRequest(IReadOnlyDictionary<string, string> Headers, byte[] Body, DateTimeOffset ReceivedAt)
{
    /// <summary>The body as text.</summary>
    public string Text => System.Text.Encoding.UTF8.GetString(Body);

    /// <summary>A header's value, or null.</summary>
    public string? Header(string name) => Headers.GetValueOrDefault(name.ToLowerInvariant());
}

/// <summary>
/// A real HTTP server on a loopback port that records every webhook posted to <c>/hook</c> and
/// answers as the test says (<see cref="Respond"/>; 200 by default).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookReceiver(WebApplication app, string url)
    {
        _app = app;
        BaseUrl = url;
        Port = new Uri(url).Port;
    }

    /// <summary>The receiver's own address (<c>http://127.0.0.1:port</c>).</summary>
    public string BaseUrl { get; }

    /// <summary>Its port.</summary>
    public int Port { get; }

    /// <summary>Requests received, in order.</summary>
    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    /// <summary>How the next requests are answered.</summary>
    public Func<HttpContext, Task> Respond { get; set; } = context => context.Response.WriteAsync("ok");

    /// <summary>The URL to register under the allow-listed name <paramref name="host"/> (resolving to 127.0.0.1).</summary>
    public string UrlAs(string host = WebhooksFactory.ReceiverHost) => $"http://{host}:{Port}/hook";

    /// <summary>Starts a receiver.</summary>
    public static async Task<WebhookReceiver> StartAsync()
    {
        WebhookReceiver? receiver = null;
        var (app, url) = await LoopbackApp.StartAsync((app, _) =>
            app.Map("/{**path}", async (HttpContext context) =>
            {
                using var buffer = new MemoryStream();
                await context.Request.Body.CopyToAsync(buffer);
                var headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
                headers["path"] = context.Request.Path.Value ?? string.Empty;
                receiver!.Requests.Enqueue(new ReceivedRequest(headers, buffer.ToArray(), DateTimeOffset.UtcNow));
                await receiver.Respond(context);
            }));
        receiver = new WebhookReceiver(app, url);
        return receiver;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
