using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Mercato.Identity.Contracts;
using Mercato.Identity.Data;
using Mercato.Messaging.Events;
using Mercato.Messaging.Outbox;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Identity.Tests.Support;

/// <summary>Calls the admin user endpoints (<c>/api/v1/users</c>) and reads what they store.</summary>
public static class AdminUsersApi
{
    /// <summary>A short unique word (letters and digits) that only one test's accounts carry.</summary>
    public static string NewTag(string prefix) => prefix + Guid.NewGuid().ToString("N")[..10];

    /// <summary>Registers an account with the given names and returns its id.</summary>
    public static async Task<Guid> RegisterPersonAsync(
        this HttpClient client, string email, string firstName, string lastName, string? username = null)
    {
        using var response = await client.PostJsonAsync("/api/v1/auth/register", new
        {
            email,
            password = IdentityApi.Password,
            firstName,
            lastName,
            username,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("data").GetProperty("userId").GetGuid();
    }

    /// <summary><c>GET /api/v1/users?{query}</c> as <paramref name="token"/>; asserts 200 and returns the page.</summary>
    public static async Task<JsonElement> ListUsersAsync(this HttpClient client, string token, string query)
    {
        using var response = await client.SendAsync(HttpMethod.Get, "/api/v1/users?" + query, token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("data");
    }

    /// <summary><c>GET /api/v1/users/{id}</c> as <paramref name="token"/>; asserts 200 and returns the user.</summary>
    public static async Task<JsonElement> GetUserAsync(this HttpClient client, string token, Guid id)
    {
        using var response = await client.SendAsync(HttpMethod.Get, $"/api/v1/users/{id}", token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("data");
    }

    /// <summary><c>PUT /api/v1/users/{id}/roles</c> as <paramref name="token"/>; asserts 200 and returns the user.</summary>
    public static async Task<JsonElement> SetRolesAsync(this HttpClient client, string token, Guid id, params string[] roles)
    {
        using var response = await client.SendAsync(HttpMethod.Put, $"/api/v1/users/{id}/roles", token, new { roles });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("data");
    }

    /// <summary>Sends <paramref name="json"/> exactly as written (null: no body at all).</summary>
    public static Task<HttpResponseMessage> SendRawAsync(
        this HttpClient client, HttpMethod method, string url, string? token, string? json)
    {
        var request = new HttpRequestMessage(method, url);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return client.SendAsync(request);
    }

    /// <summary>The <c>roles</c> array of a user (or the <c>role</c> claims of a token's payload).</summary>
    public static string[] Strings(this JsonElement element, string property) =>
        element.GetProperty(property) is { ValueKind: JsonValueKind.Array } array
            ? [.. array.EnumerateArray().Select(e => e.GetString()!)]
            : [element.GetProperty(property).GetString()!];

    /// <summary>The <c>UserRolesChanged</c> payloads in Identity's outbox that concern <paramref name="userId"/>.</summary>
    public static async Task<List<JsonElement>> RolesChangedEventsAsync(this IServiceProvider services, Guid userId)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MercatoIdentityDbContext>();
        var rows = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.Type == IntegrationEvent.NameOf(typeof(UserRolesChanged)) && m.Source == IdentityModule.Name)
            .ToListAsync();
        return [.. rows
            .Select(r => JsonDocument.Parse(r.Payload).RootElement.Clone())
            .Where(p => p.GetProperty("userId").GetGuid() == userId)];
    }
}
