using System.Collections.Concurrent;

namespace Mercato.Testing;

/// <summary>
/// A stand-in for the network between a consumer and a module's test server: every request is
/// recorded, and <see cref="Plan"/> may answer one instead of the server (a 503, a hang until the
/// caller gives up, or a lost answer after the server has handled it). Shared by every handler
/// the HttpClientFactory builds over time.
/// </summary>
public sealed class NetworkFaults
{
    /// <summary>What happens to the <c>attempt</c>-th (1-based) request to a path; forwarded when null or <see cref="Fault.None"/>.</summary>
    public Func<HttpRequestMessage, int, Fault>? Plan { get; set; }

    /// <summary>Every request sent, in order, with its headers as sent.</summary>
    public ConcurrentQueue<SentRequest> Sent { get; } = new();

    /// <summary>How many requests reached the network for <paramref name="path"/>.</summary>
    public int AttemptsAt(string path) => Sent.Count(r => r.Path == path);

    /// <summary>A handler in front of <paramref name="server"/>.</summary>
    public DelegatingHandler Over(HttpMessageHandler server) => new Handler(this) { InnerHandler = server };

    /// <summary>What the network does to one request.</summary>
    public enum Fault
    {
        /// <summary>Delivered, and the answer comes back.</summary>
        None,

        /// <summary>Answered 503 without reaching the server.</summary>
        Unavailable,

        /// <summary>Never answered (until the caller cancels).</summary>
        Hang,

        /// <summary>Delivered and handled, but the answer is lost and a 503 comes back instead.</summary>
        LoseAnswer,
    }

    /// <summary>One request as it left the consumer.</summary>
    /// <param name="Method">HTTP method.</param>
    /// <param name="Path">Path.</param>
    /// <param name="Authorization">Its Authorization header.</param>
    /// <param name="CorrelationId">Its X-Correlation-Id header.</param>
    /// <param name="EchoedCorrelationId">The X-Correlation-Id the server answered with, when it answered.</param>
    /// <param name="Query">Its query string (with the leading <c>?</c>, or empty).</param>
    /// <param name="Headers">Every request header as sent (values joined with <c>, </c>).</param>
    public sealed record SentRequest(
        string Method, string Path, string? Authorization, string? CorrelationId, string? EchoedCorrelationId, string Query, IReadOnlyDictionary<string, string> Headers);

    private sealed class Handler(NetworkFaults faults) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            var attempt = faults.AttemptsAt(path) + 1;
            var fault = faults.Plan?.Invoke(request, attempt) ?? Fault.None;
            var authorization = request.Headers.Authorization?.ToString();
            var correlation = request.Headers.TryGetValues("X-Correlation-Id", out var values) ? values.Single() : null;
            var query = request.RequestUri.Query;
            var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
            if (fault is Fault.Unavailable or Fault.Hang)
            {
                faults.Sent.Enqueue(new SentRequest(request.Method.Method, path, authorization, correlation, null, query, headers));
                if (fault == Fault.Hang)
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }

                return new HttpResponseMessage(System.Net.HttpStatusCode.ServiceUnavailable) { RequestMessage = request };
            }

            var response = await base.SendAsync(request, cancellationToken);
            var echoed = response.Headers.TryGetValues("X-Correlation-Id", out var echo) ? echo.Single() : null;
            faults.Sent.Enqueue(new SentRequest(request.Method.Method, path, authorization, correlation, echoed, query, headers));
            if (fault == Fault.LoseAnswer)
            {
                response.Dispose();
                return new HttpResponseMessage(System.Net.HttpStatusCode.ServiceUnavailable) { RequestMessage = request };
            }

            return response;
        }
    }
}
