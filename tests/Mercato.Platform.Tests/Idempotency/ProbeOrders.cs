using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Mercato.Testing;

namespace Mercato.Platform.Tests.Idempotency;

/// <summary>Talks to the Probe module's idempotent order endpoints.</summary>
internal static class ProbeOrders
{
    /// <summary>Idempotency-Key required.</summary>
    public const string Path = "/api/v1/probe/orders";

    /// <summary>Idempotency-Key optional.</summary>
    public const string QuickPath = "/api/v1/probe/quick-orders";

    /// <summary>A fresh key, as a client would make one.</summary>
    public static string NewKey() => Guid.NewGuid().ToString();

    /// <summary>A fresh reference that groups one test's orders.</summary>
    public static string NewReference() => "ref-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>The JSON body of an order, serialised the way the test sends it.</summary>
    public static string Body(string reference, int quantity = 1, int delayMs = 0, string item = "widget") =>
        JsonSerializer.Serialize(new { reference, item, quantity, delayMs }, Mercato.Testing.Envelope.Json);

    /// <summary>Builds a POST with the given raw JSON body and headers.</summary>
    public static HttpRequestMessage Request(
        string json, string? key, string path = Path, string? bearer = null, string? cartKey = null, string? fail = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        }

        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (cartKey is not null)
        {
            request.Headers.Add("X-Cart-Key", cartKey);
        }

        if (fail is not null)
        {
            request.Headers.Add("X-Probe-Fail", fail);
        }

        return request;
    }

    /// <summary>Sends a request and reads everything a client would compare.</summary>
    public static async Task<Answer> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsByteArrayAsync();
            return new Answer(
                response.StatusCode,
                body,
                response.Content.Headers.ContentType?.ToString(),
                response.Headers.Location,
                response.Headers.TryGetValues("Idempotent-Replayed", out var replayed) ? replayed.Single() : null);
        }
    }

    /// <summary>Posts an order body with a key.</summary>
    public static Task<Answer> PostAsync(
        HttpClient client, string json, string? key, string path = Path, string? bearer = null, string? cartKey = null, string? fail = null) =>
        SendAsync(client, Request(json, key, path, bearer, cartKey, fail));

    /// <summary>The orders stored under a reference.</summary>
    public static async Task<JsonElement[]> ListAsync(HttpClient client, string reference)
    {
        var json = await client.GetFromJsonAsync<JsonElement>($"{Path}?reference={Uri.EscapeDataString(reference)}");
        return [.. json.GetProperty("data").EnumerateArray()];
    }

    /// <summary>A response as the client saw it.</summary>
    /// <param name="Status">Status.</param>
    /// <param name="Body">Raw body bytes.</param>
    /// <param name="ContentType">Content-Type.</param>
    /// <param name="Location">Location.</param>
    /// <param name="Replayed">The Idempotent-Replayed header, if any.</param>
    internal sealed record Answer(HttpStatusCode Status, byte[] Body, string? ContentType, Uri? Location, string? Replayed)
    {
        public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();

        public long Number => Json.GetProperty("data").GetProperty("number").GetInt64();

        /// <summary>Asserts the error envelope with one error of <paramref name="code"/> on the Idempotency-Key field.</summary>
        public void AssertKeyError(HttpStatusCode status, string code)
        {
            Assert.Equal(status, Status);
            Assert.Null(Replayed);
            var json = Json;
            Assert.False(json.GetProperty("success").GetBoolean());
            Assert.Equal([code], json.ErrorCodes());
            Assert.Equal(["Idempotency-Key"], json.ErrorFields());
            Assert.False(string.IsNullOrEmpty(json.GetProperty("traceId").GetString()));
        }

        /// <summary>Asserts this is a replay of <paramref name="first"/>: same status, bytes and headers.</summary>
        public void AssertReplayOf(Answer first)
        {
            Assert.Equal("true", Replayed);
            Assert.Equal(first.Status, Status);
            Assert.Equal(first.ContentType, ContentType);
            Assert.Equal(first.Location, Location);
            Assert.Equal(first.Body, Body);
        }
    }
}
