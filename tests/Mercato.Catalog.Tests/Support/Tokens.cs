using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Mercato.Testing;

namespace Mercato.Catalog.Tests.Support;

/// <summary>Real tokens from the co-hosted Identity module.</summary>
public static class Tokens
{
    /// <summary>The seeded administrator's access token.</summary>
    public static Task<string> AdminAsync(HttpClient client) => LoginAsync(client, CatalogFactory.AdminEmail, CatalogFactory.AdminPassword);

    /// <summary>Registers a new customer and returns its id and access token.</summary>
    public static async Task<(Guid UserId, string Token)> CustomerAsync(HttpClient client, string firstName = "Ada", string lastName = "Lovelace")
    {
        var email = $"shopper.{Guid.NewGuid():N}@example.com";
        const string password = "Secure-Pass123";
        using var registered = await client.PostJsonAsync("/api/v1/auth/register", new { email, password, firstName, lastName });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var userId = (await registered.ReadJsonAsync()).GetProperty("data").GetProperty("userId").GetGuid();
        return (userId, await LoginAsync(client, email, password));
    }

    /// <summary>Sends a request with an optional bearer token and JSON body.</summary>
    public static Task<HttpResponseMessage> SendAsync(this HttpClient client, HttpMethod method, string url, string? token, object? body = null)
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

    private static async Task<string> LoginAsync(HttpClient client, string email, string password)
    {
        using var response = await client.PostJsonAsync("/api/v1/auth/login", new { email, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("data").GetProperty("accessToken").GetString()!;
    }
}
