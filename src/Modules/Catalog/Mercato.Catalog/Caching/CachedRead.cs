using System.Text.Json;

namespace Mercato.Catalog.Caching;

/// <summary>
/// A cached catalog answer: its envelope's JSON cut around the envelope's <c>timestamp</c> value
/// (which is stamped again for every request that is served from the cache), and its ETag.
/// </summary>
/// <param name="Before">The JSON before the timestamp's value.</param>
/// <param name="After">The JSON after the timestamp's value.</param>
/// <param name="ETag">The weak ETag of the answer (see <see cref="ConditionalGet.ETagOfJson"/>).</param>
internal sealed record CachedRead(byte[] Before, byte[] After, string ETag)
{
    /// <summary>The answer's JSON with <paramref name="now"/> as the envelope's timestamp.</summary>
    public byte[] BodyAt(DateTimeOffset now, JsonSerializerOptions options)
    {
        var timestamp = JsonSerializer.SerializeToUtf8Bytes(now, options);
        var body = new byte[Before.Length + timestamp.Length + After.Length];
        Before.CopyTo(body, 0);
        timestamp.CopyTo(body, Before.Length);
        After.CopyTo(body, Before.Length + timestamp.Length);
        return body;
    }

    /// <summary>Cuts an envelope's JSON around its top-level <c>timestamp</c> value.</summary>
    /// <exception cref="InvalidOperationException">The JSON has no top-level timestamp.</exception>
    public static CachedRead Of(byte[] json, string etag)
    {
        var reader = new Utf8JsonReader(json);
        while (reader.Read())
        {
            if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("timestamp"u8))
            {
                reader.Read();
                var start = (int)reader.TokenStartIndex;
                var end = (int)reader.BytesConsumed;
                return new CachedRead(json[..start], json[end..], etag);
            }
        }

        throw new InvalidOperationException("A cached catalog answer must be an envelope with a timestamp.");
    }
}
