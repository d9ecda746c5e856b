using System.Net;
using System.Text.Json;
using Mercato.Testing;

namespace Mercato.Logs.Tests.Support;

/// <summary>The Logs module's API as an administrator reads it.</summary>
public static class Trail
{
    /// <summary>The seeded administrator's token.</summary>
    public static Task<string> AdminTokenAsync(this HttpClient client) => client.SignInAsync(LogsFactory.AdminEmail, LogsFactory.AdminPassword);

    /// <summary>A service token of <paramref name="clientId"/>.</summary>
    public static Task<string> ServiceTokenAsync(this HttpClient client, string clientId) => client.ServiceTokenAsync(clientId, LogsFactory.ClientSecret);

    /// <summary>The <c>data</c> of <c>GET <paramref name="path"/></c> as <paramref name="token"/>'s holder; asserts 200.</summary>
    public static async Task<JsonElement> GetDataAsync(this HttpClient client, string path, string token)
    {
        using var response = await client.CallAsync(HttpMethod.Get, path, token);
        await response.ExpectAsync(HttpStatusCode.OK);
        return (await response.ReadJsonAsync()).GetProperty("data");
    }

    /// <summary>The items of a page of <c>GET /api/v1/audit<paramref name="query"/></c>.</summary>
    public static async Task<JsonElement[]> AuditAsync(this HttpClient client, string admin, string query)
        => [.. (await client.GetDataAsync("/api/v1/audit" + query, admin)).GetProperty("items").EnumerateArray()];

    /// <summary>The items of a page of <c>GET /api/v1/logs<paramref name="query"/></c>.</summary>
    public static async Task<JsonElement[]> LogsAsync(this HttpClient client, string admin, string query)
        => [.. (await client.GetDataAsync("/api/v1/logs" + query, admin)).GetProperty("items").EnumerateArray()];

    /// <summary>Waits until <c>GET /api/v1/audit<paramref name="query"/></c> holds <paramref name="count"/> entries (at least), and answers them.</summary>
    public static async Task<JsonElement[]> AuditEventuallyAsync(this HttpClient client, string admin, string query, int count = 1)
    {
        JsonElement[] items = [];
        await Eventually.HoldsAsync(async () => (items = await client.AuditAsync(admin, query)).Length >= count, $"{count} audit entries for {query}");
        return items;
    }

    /// <summary>A query string value, escaped.</summary>
    public static string Q(string value) => Uri.EscapeDataString(value);

    /// <summary>An instant as the API's query parameters take it.</summary>
    public static string Q(DateTimeOffset value) => Uri.EscapeDataString(value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture));
}
