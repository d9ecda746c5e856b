using System.Net.Http.Json;
using System.Text.Json;

namespace Mercato.Testing;

/// <summary>Reading Mercato's envelopes in tests.</summary>
public static class Envelope
{
    /// <summary>The JSON options the API uses.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Parses the response body as JSON.</summary>
    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        try
        {
            return JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"Response {(int)response.StatusCode} is not JSON: {text}", ex);
        }
    }

    /// <summary>Asserts the error envelope's shape and returns it.</summary>
    public static async Task<JsonElement> ReadErrorAsync(this HttpResponseMessage response)
    {
        var json = await response.ReadJsonAsync();
        if (json.GetProperty("success").GetBoolean()
            || json.GetProperty("errors").GetArrayLength() == 0
            || string.IsNullOrEmpty(json.GetProperty("message").GetString())
            || string.IsNullOrEmpty(json.GetProperty("traceId").GetString())
            || string.IsNullOrEmpty(json.GetProperty("path").GetString())
            || !json.GetProperty("timestamp").GetString()!.EndsWith('Z')
            || !json.GetProperty("errors").EnumerateArray().All(IsErrorEntry))
        {
            throw new InvalidOperationException($"Not an error envelope: {json}");
        }

        return json;
    }

    /// <summary>
    /// Whether <paramref name="entry"/> is an <c>errors</c> entry: a code, a message, and a
    /// <c>field</c> that is always present (null when no input is at fault).
    /// </summary>
    public static bool IsErrorEntry(JsonElement entry) =>
        entry.TryGetProperty("code", out var code) && !string.IsNullOrEmpty(code.GetString())
        && entry.TryGetProperty("message", out var message) && !string.IsNullOrEmpty(message.GetString())
        && entry.TryGetProperty("field", out var field) && field.ValueKind is JsonValueKind.String or JsonValueKind.Null;

    /// <summary>Asserts the response is <paramref name="status"/> with an error envelope whose codes are exactly <paramref name="codes"/>.</summary>
    public static async Task ExpectErrorAsync(this HttpResponseMessage response, System.Net.HttpStatusCode status, params string[] codes)
    {
        var error = await response.ReadErrorAsync();
        if (response.StatusCode != status || !error.ErrorCodes().SequenceEqual(codes))
        {
            throw new InvalidOperationException($"Expected {(int)status} with {string.Join(", ", codes)}, got {(int)response.StatusCode}: {error}");
        }
    }

    /// <summary>The codes of the envelope's errors.</summary>
    public static string[] ErrorCodes(this JsonElement error) =>
        error.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString()!).ToArray();

    /// <summary>The fields of the envelope's errors (empty string where an error names no field).</summary>
    public static string[] ErrorFields(this JsonElement error) =>
        error.GetProperty("errors").EnumerateArray()
            .Select(e => e.TryGetProperty("field", out var f) ? f.GetString() ?? string.Empty : string.Empty).ToArray();

    /// <summary>Posts JSON.</summary>
    public static Task<HttpResponseMessage> PostJsonAsync<T>(this HttpClient client, string url, T body) =>
        client.PostAsJsonAsync(url, body, Json);
}
