using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Mercato.Platform.Idempotency;

/// <summary>
/// A response as an idempotent endpoint produced it: status, content type, the headers the
/// endpoint set, and the body bytes. Executing it writes exactly that, so the first answer and
/// every replay are the same bytes.
/// </summary>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="ContentType">The <c>Content-Type</c>, if any.</param>
/// <param name="Headers">Headers the endpoint set, such as <c>Location</c>.</param>
/// <param name="Body">The body, byte for byte.</param>
/// <param name="Replayed">Whether this answers a repeated request (adds <c>Idempotent-Replayed: true</c>).</param>
internal sealed record StoredResponse(
    int StatusCode, string? ContentType, IReadOnlyDictionary<string, string[]> Headers, byte[] Body, bool Replayed) : IResult
{
    /// <summary>The header that marks a replayed response.</summary>
    public const string ReplayedHeader = "Idempotent-Replayed";

    /// <summary>The value of <see cref="ReplayedHeader"/>, the only one it takes.</summary>
    public const string ReplayedValue = "true";

    /// <summary>Rebuilds a completed record's response for a replay.</summary>
    public static StoredResponse FromRecord(IdempotencyRecord record) => new(
        record.StatusCode ?? StatusCodes.Status200OK,
        record.ContentType,
        string.IsNullOrEmpty(record.Headers)
            ? new Dictionary<string, string[]>()
            : JsonSerializer.Deserialize<Dictionary<string, string[]>>(record.Headers) ?? [],
        record.Body ?? [],
        Replayed: true);

    /// <summary>The headers as stored in <see cref="IdempotencyRecord.Headers"/>.</summary>
    public string SerializeHeaders() => JsonSerializer.Serialize(Headers);

    /// <inheritdoc />
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCode;
        response.ContentType = ContentType;
        foreach (var (name, values) in Headers)
        {
            response.Headers[name] = new StringValues(values);
        }

        if (Replayed)
        {
            response.Headers[ReplayedHeader] = ReplayedValue;
        }

        if (Body.Length > 0)
        {
            response.ContentLength = Body.Length;
            await response.Body.WriteAsync(Body, httpContext.RequestAborted);
        }
    }
}
