using System.Net;
using System.Text.Json;
using Mercato.Identity.Contracts;
using Mercato.Messaging.Events;
using Mercato.Testing;

namespace Mercato.Identity.Tests.Support;

/// <summary>Calls the profile and address endpoints the way a client does, and reads what Identity published.</summary>
public static class AccountsApi
{
    /// <summary>The profile endpoint.</summary>
    public const string ProfileUrl = "/api/v1/users/profile";

    /// <summary>The address book endpoint.</summary>
    public const string AddressesUrl = "/api/v1/users/addresses";

    /// <summary>A valid address body, with <paramref name="street"/> and extra flags.</summary>
    public static Dictionary<string, object?> AddressBody(string street = "456 Oak Ave", bool? isDefault = null, bool? isDefaultShipping = null, bool? isDefaultBilling = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["firstName"] = "Grace",
            ["lastName"] = "Hopper",
            ["company"] = "Navy",
            ["street"] = street,
            ["street2"] = "Suite 9",
            ["city"] = "Los Angeles",
            ["state"] = "CA",
            ["zipCode"] = "90001",
            ["country"] = "USA",
            ["phone"] = "+14155550123",
        };
        if (isDefault is not null)
        {
            body["isDefault"] = isDefault;
        }

        if (isDefaultShipping is not null)
        {
            body["isDefaultShipping"] = isDefaultShipping;
        }

        if (isDefaultBilling is not null)
        {
            body["isDefaultBilling"] = isDefaultBilling;
        }

        return body;
    }

    /// <summary>The signed-in user's profile; asserts 200.</summary>
    public static async Task<JsonElement> ProfileAsync(this HttpClient client, string token)
    {
        using var response = await client.SendAsync(HttpMethod.Get, ProfileUrl, token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("data");
    }

    /// <summary>Saves an address; asserts 201 and returns it.</summary>
    public static async Task<JsonElement> AddAddressAsync(this HttpClient client, string token, object body)
    {
        using var response = await client.SendAsync(HttpMethod.Post, AddressesUrl, token, body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("data");
    }

    /// <summary>The signed-in user's addresses; asserts 200.</summary>
    public static async Task<JsonElement[]> AddressesAsync(this HttpClient client, string token)
    {
        using var response = await client.SendAsync(HttpMethod.Get, AddressesUrl, token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.ReadJsonAsync()).GetProperty("data").EnumerateArray()];
    }

    /// <summary>The <c>UserProfileChanged</c> payloads in Identity's outbox for <paramref name="userId"/>, oldest first.</summary>
    public static async Task<List<JsonElement>> ProfileChangedEventsAsync(this IdentityFactory factory, Guid userId)
    {
        var rows = await factory.OutboxRowsAsync(IntegrationEvent.NameOf(typeof(UserProfileChanged)));
        return [.. rows.OrderBy(r => r.OccurredAt).ThenBy(r => r.Id)
            .Select(r => JsonDocument.Parse(r.Payload).RootElement.Clone())
            .Where(p => p.GetProperty("userId").GetGuid() == userId)];
    }
}
