using System.Net;
using System.Security.Cryptography;
using Mercato.Testing;

namespace Mercato.Identity.Tests.Support;

/// <summary>
/// Sign-ins from a chosen source address (the test server takes it from <c>X-Forwarded-For</c>,
/// as it would from a trusted proxy) and the answers the sign-in throttle gives.
/// </summary>
public static class ThrottledLogins
{
    /// <summary>A wrong password for every account.</summary>
    public const string WrongPassword = "Wrong-Pass999";

    /// <summary>A documentation-range address of its own for each source.</summary>
    public static string NewAddress() => $"198.18.{RandomNumberGenerator.GetInt32(256)}.{RandomNumberGenerator.GetInt32(1, 255)}";

    /// <summary>Signs in by e-mail from <paramref name="address"/>.</summary>
    public static Task<HttpResponseMessage> LoginFromAsync(this HttpClient client, string address, string email, string password)
        => client.LoginFromAsync(address, new { email, password });

    /// <summary>Sends <paramref name="body"/> to the sign-in endpoint from <paramref name="address"/>.</summary>
    public static Task<HttpResponseMessage> LoginFromAsync(this HttpClient client, string address, object body)
        => client.CallAsync(HttpMethod.Post, "/api/v1/auth/login", body: body, headers: new Dictionary<string, string> { ["X-Forwarded-For"] = address });

    /// <summary>Everything a client can compare: status, headers but their values that vary per request, and the body but its timestamp, trace id and path.</summary>
    public static async Task<string> AnswerAsync(HttpResponseMessage response)
    {
        var error = await response.ReadErrorAsync();
        var headers = string.Join(',', response.Headers.Select(h => h.Key).Order(StringComparer.OrdinalIgnoreCase));
        var errors = string.Join('|', error.GetProperty("errors").EnumerateArray().Select(e => e.GetRawText()));
        var retryAfter = error.TryGetProperty("retryAfter", out var r) ? r.GetRawText() : "-";
        return $"{(int)response.StatusCode} {response.Headers.RetryAfter} [{headers}] {error.GetProperty("message").GetString()} {errors} {retryAfter}";
    }

    /// <summary>Asserts a plain refusal of the password (401 UNAUTHORIZED) and disposes the response.</summary>
    public static async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal(["UNAUTHORIZED"], (await response.ReadErrorAsync()).ErrorCodes());
        }
    }

    /// <summary>Asserts a 429 RATE_LIMIT_EXCEEDED whose Retry-After (header and envelope) is <paramref name="expectedSeconds"/>, and disposes the response.</summary>
    public static async Task AssertSlowedAsync(HttpResponseMessage response, int expectedSeconds)
    {
        using (response)
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), response.Headers.RetryAfter?.Delta);
            var error = await response.ReadErrorAsync();
            Assert.Equal(["RATE_LIMIT_EXCEEDED"], error.ErrorCodes());
            Assert.Equal(expectedSeconds, error.GetProperty("retryAfter").GetInt32());
        }
    }
}
