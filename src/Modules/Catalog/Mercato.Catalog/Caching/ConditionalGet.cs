using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Mercato.Catalog.Caching;

/// <summary>
/// HTTP caching of catalog reads. A 200 answer gets a weak <c>ETag</c> made from a hash of its
/// envelope's JSON without the envelope's <c>timestamp</c> (so it changes exactly when what the
/// client sees changes: any product write bumps <c>updatedAt</c>, a review changes the summary)
/// and <c>Cache-Control: public, max-age=60</c>; a request whose <c>If-None-Match</c> names the
/// current ETag gets 304 with no body.
/// </summary>
internal static class ConditionalGet
{
    /// <summary>What catalog reads may be cached for.</summary>
    public const string CacheControl = "public, max-age=60";

    private const string JsonContentType = "application/json; charset=utf-8";

    /// <summary>Adds ETag, Cache-Control and If-None-Match handling to a read endpoint.</summary>
    public static TBuilder WithConditionalGet<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
        => builder.AddEndpointFilter<TBuilder, Filter>();

    /// <summary>
    /// The weak ETag of an envelope's JSON: a hash of every byte but the top-level
    /// <c>timestamp</c> member's, read straight off the serialized bytes (no document is built).
    /// </summary>
    public static string ETagOfJson(ReadOnlySpan<byte> json)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var reader = new Utf8JsonReader(json);
        var from = 0;
        while (reader.Read())
        {
            if (reader.CurrentDepth != 1 || reader.TokenType != JsonTokenType.PropertyName)
            {
                continue;
            }

            var isTimestamp = reader.ValueTextEquals("timestamp"u8);
            var memberStart = (int)reader.TokenStartIndex;
            reader.Read();
            reader.Skip();
            if (isTimestamp)
            {
                hash.AppendData(json[from..memberStart]);
                from = (int)reader.BytesConsumed;
            }
        }

        hash.AppendData(json[from..]);
        Span<byte> digest = stackalloc byte[32];
        hash.GetHashAndReset(digest);
        return $"W/\"{Convert.ToBase64String(digest[..18]).Replace('+', '-').Replace('/', '_')}\"";
    }

    /// <summary>Whether an <c>If-None-Match</c> header value names <paramref name="etag"/> (weak comparison) or is <c>*</c>.</summary>
    public static bool Matches(string? ifNoneMatch, string etag)
    {
        if (string.IsNullOrWhiteSpace(ifNoneMatch) || !EntityTagHeaderValue.TryParseList([ifNoneMatch], out var tags))
        {
            return false;
        }

        var current = EntityTagHeaderValue.Parse(etag);
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(current, useStrongComparison: false));
    }

    private sealed class Filter : IEndpointFilter
    {
        public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
        {
            var http = context.HttpContext;
            var cache = http.RequestServices.GetRequiredService<CatalogReadCache>();
            var key = cache.Enabled ? ReadCacheKey.Of(http.Request) : null;
            if (key is not null && await cache.AnswerAsync(key, http.RequestAborted) is { } cached)
            {
                return Answer(http, cached);
            }

            var generation = cache.Generation;
            var result = await next(context);
            var inner = result is INestedHttpResult nested ? nested.Result : result;
            if (inner is not IStatusCodeHttpResult { StatusCode: StatusCodes.Status200OK } || inner is not IValueHttpResult { Value: { } value })
            {
                return result;
            }

            // The answer is serialized once: the ETag is hashed from the same bytes the body sends.
            var options = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            var json = JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), options);
            var etag = ETagOfJson(json);
            if (key is not null)
            {
                var tags = CatalogCacheTags.Of(value, http.Request.Query["sortBy"], http.Request.Query.ContainsKey("maxStock"));
                await cache.KeepAnswerAsync(key, CachedRead.Of(json, etag), tags, generation, http.RequestAborted);
            }

            return Matches(http.Request.Headers.IfNoneMatch, etag)
                ? NotModified(http, etag)
                : Fresh(http, etag, TypedResults.Bytes(json, JsonContentType));
        }

        /// <summary>A cached answer: a 304 without touching it, or its body with this request's timestamp.</summary>
        private static IResult Answer(HttpContext http, CachedRead cached)
        {
            if (Matches(http.Request.Headers.IfNoneMatch, cached.ETag))
            {
                return NotModified(http, cached.ETag);
            }

            var options = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            var body = cached.BodyAt(TimeProvider.System.GetUtcNow(), options);
            return Fresh(http, cached.ETag, TypedResults.Bytes(body, JsonContentType));
        }

        private static IResult NotModified(HttpContext http, string etag)
            => Fresh(http, etag, TypedResults.StatusCode(StatusCodes.Status304NotModified));

        private static IResult Fresh(HttpContext http, string etag, IResult result)
        {
            http.Response.Headers.ETag = etag;
            http.Response.Headers.CacheControl = CacheControl;
            return result;
        }
    }
}
