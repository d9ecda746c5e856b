using System.Net;
using System.Text.Json;
using Mercato.Testing;

namespace Mercato.Webhooks.Tests.Support;

/// <summary>An endpoint registered through the API.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Secret">Its secret, as the creation answered it.</param>
public sealed record Hook(Guid Id, string Secret);

/// <summary>Webhook endpoints and deliveries, driven through the public API.</summary>
public static class Hooks
{
    /// <summary>Registers <paramref name="url"/> for <paramref name="events"/>; asserts 201.</summary>
    public static async Task<Hook> CreateHookAsync(this HttpClient client, string token, string url, params string[] events)
    {
        using var response = await client.CallAsync(HttpMethod.Post, "/api/v1/webhooks", token, new { url, events = events.Length == 0 ? ["*"] : events, description = "test" });
        await response.ExpectAsync(HttpStatusCode.Created);
        var data = (await response.ReadJsonAsync()).GetProperty("data");
        return new Hook(data.GetProperty("id").GetGuid(), data.GetProperty("secret").GetString()!);
    }

    /// <summary>Queues a test event to the endpoint; answers the delivery id.</summary>
    public static async Task<Guid> SendTestAsync(this HttpClient client, string token, Guid hook)
    {
        using var response = await client.CallAsync(HttpMethod.Post, $"/api/v1/webhooks/{hook}/test", token);
        await response.ExpectAsync(HttpStatusCode.Accepted);
        return (await response.ReadJsonAsync()).GetProperty("data").GetProperty("id").GetGuid();
    }

    /// <summary>One delivery (data); asserts 200.</summary>
    public static async Task<JsonElement> DeliveryAsync(this HttpClient client, string token, Guid delivery)
    {
        using var response = await client.CallAsync(HttpMethod.Get, $"/api/v1/webhooks/deliveries/{delivery}", token);
        await response.ExpectAsync(HttpStatusCode.OK);
        return (await response.ReadJsonAsync()).GetProperty("data");
    }

    /// <summary>An endpoint's deliveries (data: the page); asserts 200.</summary>
    public static async Task<JsonElement> DeliveriesAsync(this HttpClient client, string token, Guid hook, string query = "")
    {
        using var response = await client.CallAsync(HttpMethod.Get, $"/api/v1/webhooks/{hook}/deliveries{query}", token);
        await response.ExpectAsync(HttpStatusCode.OK);
        return (await response.ReadJsonAsync()).GetProperty("data");
    }

    /// <summary>One endpoint (data); asserts 200.</summary>
    public static async Task<JsonElement> HookAsync(this HttpClient client, string token, Guid hook)
    {
        using var response = await client.CallAsync(HttpMethod.Get, $"/api/v1/webhooks/{hook}", token);
        await response.ExpectAsync(HttpStatusCode.OK);
        return (await response.ReadJsonAsync()).GetProperty("data");
    }

    /// <summary>Waits (moving the clock) until the delivery's status is <paramref name="status"/> with <paramref name="attempts"/> attempts; answers it.</summary>
    public static async Task<JsonElement> DeliveryReachesAsync(this WebhooksFactory factory, HttpClient client, string token, Guid delivery, string status, int attempts)
    {
        JsonElement found = default;
        await factory.EventuallyAsync(
            async () =>
            {
                found = await client.DeliveryAsync(token, delivery);
                return found.GetProperty("status").GetString() == status && found.GetProperty("attemptCount").GetInt32() == attempts;
            },
            $"delivery {delivery} {status} after {attempts} attempt(s)");
        return found;
    }

    /// <summary>Waits (without moving the clock) until the receiver holds <paramref name="count"/> requests.</summary>
    public static Task ReceivedAsync(this WebhookReceiver receiver, int count) =>
        WebhooksFactory.WaitAsync(() => receiver.Requests.Count >= count, $"{count} request(s) at the receiver");
}
