using System.Net;
using System.Text.Json;
using Mercato.Testing;

namespace Mercato.Support.Tests.Infrastructure;

/// <summary>A signed-in user of the support API.</summary>
/// <param name="UserId">Their id.</param>
/// <param name="Email">Their e-mail.</param>
/// <param name="Token">Their access token.</param>
public sealed record Person(Guid UserId, string Email, string Token);

/// <summary>Customers, staff and conversations, driven through the public API.</summary>
public static class SupportApi
{
    /// <summary>The conversations path.</summary>
    public const string Conversations = "/api/v1/support/conversations";

    /// <summary>The seeded administrator's token.</summary>
    public static Task<string> AdminTokenAsync(this HttpClient client) => client.SignInAsync(SupportFactory.AdminEmail, SupportFactory.AdminPassword);

    /// <summary>A new customer, signed in.</summary>
    public static async Task<Person> CustomerAsync(this HttpClient client, string firstName = "Grace")
    {
        var (userId, email, token) = await client.RegisterCustomerAsync(firstName, "Hopper");
        return new Person(userId, email, token);
    }

    /// <summary>A new account that an administrator gave only the Support role, signed in again so its token carries it.</summary>
    public static async Task<Person> SupportAgentAsync(this HttpClient client)
    {
        var account = await client.CustomerAsync("Agent");
        var admin = await client.AdminTokenAsync();
        using var response = await client.CallAsync(HttpMethod.Put, $"/api/v1/users/{account.UserId}/roles", admin, new { roles = new[] { "Support" } });
        await response.ExpectAsync(HttpStatusCode.OK);
        return account with { Token = await client.SignInAsync(account.Email, ApiCalls.CustomerPassword) };
    }

    /// <summary>Opens a conversation as <paramref name="customer"/>; expects 201 and answers it.</summary>
    public static async Task<JsonElement> OpenAsync(this HttpClient client, Person customer, string subject = "Where is my parcel?", string body = "It has not arrived yet.", Guid? orderId = null)
    {
        using var response = await client.CallAsync(HttpMethod.Post, Conversations, customer.Token, new { subject, body, orderId });
        await response.ExpectAsync(HttpStatusCode.Created);
        return (await response.ReadJsonAsync()).GetProperty("data");
    }

    /// <summary>Posts a message (or a note) as <paramref name="token"/>; expects 201 and answers it.</summary>
    public static async Task<JsonElement> PostAsync(this HttpClient client, string token, Guid conversationId, string body, bool? isInternal = null)
    {
        using var response = await client.CallAsync(HttpMethod.Post, $"{Conversations}/{conversationId}/messages", token, new { body, @internal = isInternal });
        await response.ExpectAsync(HttpStatusCode.Created);
        return (await response.ReadJsonAsync()).GetProperty("data");
    }

    /// <summary>Changes a conversation as <paramref name="token"/>; expects 200 and answers it.</summary>
    public static async Task<JsonElement> PatchAsync(this HttpClient client, string token, Guid conversationId, object body)
    {
        using var response = await client.CallAsync(HttpMethod.Patch, $"{Conversations}/{conversationId}", token, body);
        await response.ExpectAsync(HttpStatusCode.OK);
        return (await response.ReadJsonAsync()).GetProperty("data");
    }

    /// <summary>GETs <paramref name="path"/> as <paramref name="token"/>; expects 200 and answers the data.</summary>
    public static async Task<JsonElement> GetDataAsync(this HttpClient client, string token, string path)
    {
        using var response = await client.CallAsync(HttpMethod.Get, path, token);
        await response.ExpectAsync(HttpStatusCode.OK);
        return (await response.ReadJsonAsync()).GetProperty("data");
    }

    /// <summary>The ids of a page's items.</summary>
    public static Guid[] Ids(this JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];

    /// <summary>A conversation's id.</summary>
    public static Guid Id(this JsonElement item) => item.GetProperty("id").GetGuid();

    /// <summary>A property as text (null when JSON null).</summary>
    public static string? Text(this JsonElement item, string name) => item.GetProperty(name).GetString();

    /// <summary>Whether a property is JSON null.</summary>
    public static bool IsNull(this JsonElement item, string name) => item.GetProperty(name).ValueKind == JsonValueKind.Null;
}
