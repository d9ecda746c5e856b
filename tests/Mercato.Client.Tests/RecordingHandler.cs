using System.Collections.Concurrent;

namespace Mercato.Client.Tests;

/// <summary>The client's last handler in tests: sends over a real socket and records each request's path and answer status.</summary>
internal sealed class RecordingHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    /// <summary>"METHOD path status" for every exchange, in order.</summary>
    public ConcurrentQueue<string> Exchanges { get; } = new();

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        Exchanges.Enqueue($"{request.Method} {request.RequestUri!.AbsolutePath} {(int)response.StatusCode}");
        return response;
    }
}
