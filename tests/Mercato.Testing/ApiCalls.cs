using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Mercato.Testing;

/// <summary>Requests as a client sends them: a bearer token, a JSON body, extra headers; and real tokens from a co-hosted Identity.</summary>
public static class ApiCalls
{
    /// <summary>The password of the customers <see cref="RegisterCustomerAsync"/> creates.</summary>
    public const string CustomerPassword = "Secure-Pass123";

    /// <summary>Sends a request with an optional bearer token, JSON body and headers.</summary>
    public static Task<HttpResponseMessage> CallAsync(
        this HttpClient client, HttpMethod method, string url, string? token = null, object? body = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        var request = new HttpRequestMessage(method, url);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: Envelope.Json);
        }

        return client.SendAsync(request);
    }

    /// <summary>Signs in and returns the access token.</summary>
    public static async Task<string> SignInAsync(this HttpClient client, string email, string password)
    {
        using var response = await client.PostJsonAsync("/api/v1/auth/login", new { email, password });
        await ExpectAsync(response, HttpStatusCode.OK);
        return (await response.ReadJsonAsync()).GetProperty("data").GetProperty("accessToken").GetString()!;
    }

    /// <summary>Registers a new customer with a unique e-mail and returns its id, e-mail and access token.</summary>
    public static async Task<(Guid UserId, string Email, string Token)> RegisterCustomerAsync(this HttpClient client, string firstName = "Ada", string lastName = "Lovelace")
    {
        var email = $"shopper.{Guid.NewGuid():N}@example.com";
        using var registered = await client.PostJsonAsync("/api/v1/auth/register", new { email, password = CustomerPassword, firstName, lastName });
        await ExpectAsync(registered, HttpStatusCode.Created);
        var userId = (await registered.ReadJsonAsync()).GetProperty("data").GetProperty("userId").GetGuid();
        return (userId, email, await client.SignInAsync(email, CustomerPassword));
    }

    /// <summary>A service token (client credentials) from the co-hosted Identity.</summary>
    public static async Task<string> ServiceTokenAsync(this HttpClient client, string clientId, string secret)
    {
        using var response = await client.PostAsync(
            "/api/v1/auth/token",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret }));
        await ExpectAsync(response, HttpStatusCode.OK);
        return (await response.ReadJsonAsync()).GetProperty("access_token").GetString()!;
    }

    /// <summary>Throws with the body when the status is not <paramref name="expected"/>.</summary>
    public static async Task ExpectAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException(
                $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}, expected {(int)expected}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
