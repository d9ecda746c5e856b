using Mercato.Testing;

namespace Mercato.Catalog.Tests.Support;

/// <summary>Real tokens from the co-hosted Identity module, in the Catalog tests' words (over <see cref="ApiCalls"/>).</summary>
public static class Tokens
{
    /// <summary>The seeded administrator's access token.</summary>
    public static Task<string> AdminAsync(HttpClient client) => client.SignInAsync(CatalogFactory.AdminEmail, CatalogFactory.AdminPassword);

    /// <summary>Registers a new customer and returns its id and access token.</summary>
    public static async Task<(Guid UserId, string Token)> CustomerAsync(HttpClient client, string firstName = "Ada", string lastName = "Lovelace")
    {
        var (userId, _, token) = await client.RegisterCustomerAsync(firstName, lastName);
        return (userId, token);
    }

    /// <summary>Sends a request with an optional bearer token and JSON body.</summary>
    public static Task<HttpResponseMessage> SendAsync(this HttpClient client, HttpMethod method, string url, string? token, object? body = null)
        => client.CallAsync(method, url, token, body);
}
