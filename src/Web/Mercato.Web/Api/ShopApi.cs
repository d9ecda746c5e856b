using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mercato.Web.Api;

/// <summary>
/// The UI's one way to reach Mercato: the public <c>/api/v1</c> over HTTP, like any other client.
/// The session's access token, the guest's cart key and the shopper's address are added by
/// <see cref="Session.ShopperHeadersHandler"/>; every answer is read from the envelope.
/// </summary>
/// <param name="http">The configured client (base address: <see cref="ApiAddress"/>).</param>
public sealed class ShopApi(HttpClient http)
{
    /// <summary>The name of the configured <see cref="HttpClient"/>.</summary>
    public const string ClientName = "mercato-web-api";

    /// <summary>How the API writes JSON: camelCase, enums as camelCase strings.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>GETs <paramref name="path"/>.</summary>
    public Task<ApiResult<T>> GetAsync<T>(string path, CancellationToken cancellationToken = default) =>
        SendAsync<T>(HttpMethod.Get, path, null, null, cancellationToken);

    /// <summary>POSTs <paramref name="body"/> as JSON.</summary>
    public Task<ApiResult<T>> PostAsync<T>(string path, object? body, CancellationToken cancellationToken = default) =>
        SendAsync<T>(HttpMethod.Post, path, body, null, cancellationToken);

    /// <summary>PUTs <paramref name="body"/> as JSON.</summary>
    public Task<ApiResult<T>> PutAsync<T>(string path, object? body, CancellationToken cancellationToken = default) =>
        SendAsync<T>(HttpMethod.Put, path, body, null, cancellationToken);

    /// <summary>PATCHes with <paramref name="body"/> as JSON.</summary>
    public Task<ApiResult<T>> PatchAsync<T>(string path, object? body, CancellationToken cancellationToken = default) =>
        SendAsync<T>(HttpMethod.Patch, path, body, null, cancellationToken);

    /// <summary>DELETEs <paramref name="path"/>.</summary>
    public Task<ApiResult<T>> DeleteAsync<T>(string path, CancellationToken cancellationToken = default) =>
        SendAsync<T>(HttpMethod.Delete, path, null, null, cancellationToken);

    /// <summary>Sends a request with an optional JSON body and extra headers, and reads the envelope.</summary>
    public async Task<ApiResult<T>> SendAsync<T>(
        HttpMethod method, string path, object? body, IReadOnlyDictionary<string, string>? headers, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = body as HttpContent ?? JsonContent.Create(body, body.GetType(), options: Json);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        return await ReadAsync<T>(response, cancellationToken);
    }

    /// <summary>GETs a file (an invoice PDF, a CSV export): its bytes, type and name, or the failure.</summary>
    public async Task<ApiFile> GetFileAsync(string path, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var failure = await ReadAsync<JsonElement>(response, cancellationToken);
            return new ApiFile(response.StatusCode, [], "application/octet-stream", null, failure.Messages);
        }

        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var type = response.Content.Headers.ContentType?.ToString() ?? "application/octet-stream";
        var name = response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"');
        return new ApiFile(response.StatusCode, bytes, type, name, []);
    }

    private static async Task<ApiResult<T>> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = response.StatusCode;
        var body = response.Content is null ? [] : await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (body.AsSpan().Trim(" \t\r\n"u8).IsEmpty || !IsJson(response))
        {
            return new ApiResult<T>(status, default, null, response.IsSuccessStatusCode ? [] : [Unreadable(status)]);
        }

        try
        {
            // The envelope straight from the bytes: no string, no document, one pass.
            var envelope = JsonSerializer.Deserialize<ApiEnvelope<T>>(body, Json);
            if (envelope is null)
            {
                return new ApiResult<T>(status, default, null, [Unreadable(status)]);
            }

            if (response.IsSuccessStatusCode)
            {
                return new ApiResult<T>(status, envelope.Data, envelope.Message, []);
            }

            var errors = envelope.Errors ?? [];
            return new ApiResult<T>(status, default, envelope.Message, errors.Count > 0 ? errors : [Unreadable(status, envelope.Message)]);
        }
        catch (JsonException)
        {
            return new ApiResult<T>(status, default, null, [Unreadable(status)]);
        }
    }

    private static bool IsJson(HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.MediaType is { } type && type.Contains("json", StringComparison.OrdinalIgnoreCase);

    private static ApiProblem Unreadable(HttpStatusCode status, string? message = null) => new(
        status == HttpStatusCode.TooManyRequests ? "RATE_LIMIT_EXCEEDED" : "UNEXPECTED_RESPONSE",
        message ?? (status == HttpStatusCode.TooManyRequests
            ? "Too many requests: wait a moment and try again."
            : $"The shop could not complete this request ({(int)status}). Try again in a moment."),
        null);
}
