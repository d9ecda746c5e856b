using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Mercato.Platform.Idempotency;

/// <summary>
/// Runs an endpoint's <see cref="IResult"/> against an in-memory body instead of the
/// connection, so the exact bytes can be stored before they are sent.
/// </summary>
internal static class ResponseCapture
{
    /// <summary>Headers that belong to the connection or the moment, never to a stored response.</summary>
    private static readonly HashSet<string> NotStored = new(StringComparer.OrdinalIgnoreCase)
    {
        HeaderNames.ContentType,
        HeaderNames.ContentLength,
        HeaderNames.TransferEncoding,
        HeaderNames.Connection,
        HeaderNames.Date,
        HeaderNames.Server,
        HeaderNames.SetCookie,
        StoredResponse.ReplayedHeader,
    };

    /// <summary>The response headers as they are before the endpoint runs.</summary>
    public static Dictionary<string, string[]> Snapshot(HttpResponse response) =>
        response.Headers.ToDictionary(h => h.Key, h => ValuesOf(h.Value), StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Executes <paramref name="result"/> into a buffer and returns what it wrote: status,
    /// content type, the headers it (or the handler) added or changed since
    /// <paramref name="before"/>, and the body. The caller's disconnect does not interrupt this:
    /// the handler's work is done and its response must be recorded.
    /// </summary>
    public static async Task<StoredResponse> ExecuteAsync(HttpContext context, IResult result, Dictionary<string, string[]> before)
    {
        var original = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        using var buffer = new MemoryStream();
        var capture = new StreamResponseBodyFeature(buffer, original);
        var aborted = context.RequestAborted;
        context.Features.Set<IHttpResponseBodyFeature>(capture);
        context.RequestAborted = CancellationToken.None;
        try
        {
            await result.ExecuteAsync(context);
            await capture.CompleteAsync();
        }
        finally
        {
            context.Features.Set(original);
            context.RequestAborted = aborted;
        }

        var response = context.Response;
        var headers = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in response.Headers)
        {
            var values = ValuesOf(value);
            if (!NotStored.Contains(name) && (!before.TryGetValue(name, out var earlier) || !earlier.SequenceEqual(values)))
            {
                headers[name] = values;
            }
        }

        return new StoredResponse(response.StatusCode, response.ContentType, headers, buffer.ToArray(), Replayed: false);
    }

    private static string[] ValuesOf(StringValues values) => [.. values.OfType<string>()];
}
