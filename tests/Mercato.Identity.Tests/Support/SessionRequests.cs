using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Mercato.Testing;

namespace Mercato.Identity.Tests.Support;

/// <summary>The raw requests of the registration and session tests, for asserting every answer (not only the happy one).</summary>
public static class SessionRequests
{
    /// <summary>Posts <paramref name="json"/> exactly as given, as <c>application/json</c>.</summary>
    public static Task<HttpResponseMessage> PostRawJsonAsync(this HttpClient client, string url, string json)
    {
        var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return client.PostAsync(url, content);
    }

    /// <summary><c>POST /api/v1/auth/login</c> with the given body.</summary>
    public static Task<HttpResponseMessage> PostLoginAsync(this HttpClient client, object body)
        => client.PostJsonAsync("/api/v1/auth/login", body);

    /// <summary><c>POST /api/v1/auth/login</c> by e-mail.</summary>
    public static Task<HttpResponseMessage> PostLoginAsync(this HttpClient client, string email, string password)
        => client.PostLoginAsync(new { email, password });

    /// <summary><c>POST /api/v1/auth/refresh</c> with <paramref name="refreshToken"/>.</summary>
    public static Task<HttpResponseMessage> PostRefreshAsync(this HttpClient client, string refreshToken)
        => client.PostJsonAsync("/api/v1/auth/refresh", new { refreshToken });

    /// <summary><c>POST /api/v1/auth/logout</c> as the holder of <paramref name="accessToken"/>.</summary>
    public static Task<HttpResponseMessage> PostLogoutAsync(this HttpClient client, string? accessToken, string? refreshToken)
        => client.SendAsync(HttpMethod.Post, "/api/v1/auth/logout", accessToken, new { refreshToken });

    /// <summary><c>GET /api/v1/auth/me</c> with <paramref name="accessToken"/>.</summary>
    public static Task<HttpResponseMessage> GetMeAsync(this HttpClient client, string? accessToken)
        => client.SendAsync(HttpMethod.Get, "/api/v1/auth/me", accessToken);

    /// <summary>Refreshes, asserting 200, and returns the new refresh token.</summary>
    public static async Task<string> RefreshOkAsync(this HttpClient client, string refreshToken)
    {
        using var response = await client.PostRefreshAsync(refreshToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("data").GetProperty("refreshToken").GetString()!;
    }

    /// <summary>Asserts that refreshing with <paramref name="refreshToken"/> is refused.</summary>
    public static async Task AssertRefreshRefusedAsync(this HttpClient client, string refreshToken)
    {
        using var response = await client.PostRefreshAsync(refreshToken);
        await response.AssertInvalidTokenAsync();
    }

    /// <summary>Asserts a 401 <c>INVALID_TOKEN</c> error envelope.</summary>
    public static async Task AssertInvalidTokenAsync(this HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(["INVALID_TOKEN"], (await response.ReadErrorAsync()).ErrorCodes());
    }
}
