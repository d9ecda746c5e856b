using System.Net;
using System.Security.Cryptography;
using System.Text;
using Mercato.Testing;

namespace Mercato.Identity.Tests.Support;

/// <summary>The service clients the client-credentials tests configure, and how to get their tokens.</summary>
public static class ServiceClients
{
    /// <summary>The ordering service's client id.</summary>
    public const string OrdersId = "orders";

    /// <summary>Its secret (only the hash is configured).</summary>
    public const string OrdersSecret = "orders-secret-7Qm2xV";

    /// <summary>The scopes it may ask for, in configuration order.</summary>
    public static readonly string[] OrdersScopes = ["catalog.stock", "cart.read"];

    /// <summary>SHA-256 of <paramref name="secret"/> as lower-case hex, computed here independently of the module.</summary>
    public static string Sha256Hex(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>The settings that configure <paramref name="clientId"/>.</summary>
    public static Dictionary<string, string?> Settings(string clientId, string secretHash, params string[] scopes)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            [$"Identity:Clients:{clientId}:SecretHash"] = secretHash,
        };
        for (var i = 0; i < scopes.Length; i++)
        {
            settings[$"Identity:Clients:{clientId}:Scopes:{i}"] = scopes[i];
        }

        return settings;
    }

    /// <summary>Configures the <c>orders</c> client on a host that has not started yet.</summary>
    public static void ConfigureOrders(IdentityFactory factory) => factory.Apply(Settings(OrdersId, Sha256Hex(OrdersSecret), OrdersScopes));

    /// <summary>Form fields of a client-credentials request with the credentials in the body.</summary>
    public static Dictionary<string, string> Form(string clientId, string secret, string? scope = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        };
        if (scope is not null)
        {
            fields["scope"] = scope;
        }

        return fields;
    }

    /// <summary>Obtains a service token for the <c>orders</c> client and returns it.</summary>
    public static async Task<string> OrdersTokenAsync(this HttpClient client, string? scope = null)
    {
        using var content = new FormUrlEncodedContent(Form(OrdersId, OrdersSecret, scope));
        using var response = await client.PostAsync(new Uri("/api/v1/auth/token", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("access_token").GetString()!;
    }
}
