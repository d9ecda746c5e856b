using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Mercato.Testing;

namespace Mercato.Identity.Tests.Support;

/// <summary>A signed-in session: the pair of tokens and the user id.</summary>
/// <param name="UserId">The user.</param>
/// <param name="AccessToken">The access token.</param>
/// <param name="RefreshToken">The refresh token.</param>
public sealed record Session(Guid UserId, string AccessToken, string RefreshToken);

/// <summary>Calls Identity's endpoints the way a client does, asserting the happy answers.</summary>
public static class IdentityApi
{
    /// <summary>A password that satisfies the default policy.</summary>
    public const string Password = "Secure-Pass123";

    /// <summary>A fresh, unique e-mail address.</summary>
    public static string NewEmail(string prefix = "user") => $"{prefix}.{Guid.NewGuid():N}@example.com";

    /// <summary>Registers an account and returns its id.</summary>
    public static async Task<Guid> RegisterAsync(this HttpClient client, string email, string password = Password, string? username = null)
    {
        using var response = await client.PostJsonAsync("/api/v1/auth/register", new
        {
            email,
            password,
            firstName = "Ada",
            lastName = "Lovelace",
            phoneNumber = "+1234567890",
            username,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.ReadJsonAsync();
        return body.GetProperty("data").GetProperty("userId").GetGuid();
    }

    /// <summary>Signs in by e-mail and returns the session.</summary>
    public static async Task<Session> LoginAsync(this HttpClient client, string email, string password = Password)
    {
        using var response = await client.PostJsonAsync("/api/v1/auth/login", new { email, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var data = (await response.ReadJsonAsync()).GetProperty("data");
        return new Session(
            data.GetProperty("user").GetProperty("id").GetGuid(),
            data.GetProperty("accessToken").GetString()!,
            data.GetProperty("refreshToken").GetString()!);
    }

    /// <summary>Registers a new account and signs it in.</summary>
    public static async Task<Session> SignUpAsync(this HttpClient client, string prefix = "user")
    {
        var email = NewEmail(prefix);
        await client.RegisterAsync(email);
        return await client.LoginAsync(email);
    }

    /// <summary>Signs in as the seeded administrator.</summary>
    public static Task<Session> LoginAsAdminAsync(this HttpClient client)
        => client.LoginAsync(IdentityFactory.AdminEmail, IdentityFactory.AdminPassword);

    /// <summary>Sends a request with a bearer token.</summary>
    public static Task<HttpResponseMessage> SendAsync(
        this HttpClient client, HttpMethod method, string url, string? token, object? body = null)
    {
        var request = new HttpRequestMessage(method, url);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: Envelope.Json);
        }

        return client.SendAsync(request);
    }

    /// <summary>The claims of a JWT (payload only, not verified).</summary>
    public static JsonElement Claims(string jwt)
    {
        var payload = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        return JsonDocument.Parse(Convert.FromBase64String(payload)).RootElement.Clone();
    }
}
