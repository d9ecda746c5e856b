using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Mercato.CheckoutBench;

/// <summary>The shop's API as a client calls it: JSON bodies, bearer tokens, the <c>{success,data}</c> envelope.</summary>
internal sealed class ShopClient(HttpClient http)
{
    /// <summary>Sends a request; the caller disposes the response.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token = null, object? body = null, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(method, path) { Version = HttpVersion.Version11 };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return http.SendAsync(request);
    }

    /// <summary>Sends a request that must answer <paramref name="expected"/>; returns the envelope's <c>data</c>.</summary>
    public async Task<JsonElement> ExpectAsync(HttpStatusCode expected, HttpMethod method, string path, string? token = null, object? body = null)
    {
        using var response = await SendAsync(method, path, token, body);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}, expected {(int)expected}: {text}");
        }

        using var json = JsonDocument.Parse(text);
        return json.RootElement.GetProperty("data").Clone();
    }

    /// <summary>Signs in; returns the access token.</summary>
    public async Task<string> SignInAsync(string email, string password)
        => (await ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "/api/v1/auth/login", body: new { email, password }))
            .GetProperty("accessToken").GetString()!;
}
