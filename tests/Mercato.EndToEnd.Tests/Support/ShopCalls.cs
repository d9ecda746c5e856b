using System.Net;
using System.Text.Json;
using Mercato.Testing;

namespace Mercato.EndToEnd.Tests.Support;

/// <summary>Requests of the flow that expect one status and read the envelope's <c>data</c>.</summary>
public static class ShopCalls
{
    /// <summary>Generous bound for an event to cross the outbox, the transport and the consumer's inbox.</summary>
    public static readonly TimeSpan EventPatience = TimeSpan.FromSeconds(60);

    /// <summary>Sends a request (token, JSON body, headers as given), expects <paramref name="expected"/> and returns the whole answer parsed.</summary>
    public static async Task<(JsonElement Body, HttpResponseMessage Response)> SendAsync(
        this HttpClient client,
        HttpMethod method,
        string url,
        string? token,
        HttpStatusCode expected,
        object? body = null,
        IReadOnlyDictionary<string, string>? headers = null)
    {
        var response = await client.CallAsync(method, url, token, body, headers);
        await response.ExpectAsync(expected);
        return (await response.ReadJsonAsync(), response);
    }

    /// <summary>Sends a request, expects <paramref name="expected"/> (200 unless given) and returns the envelope's <c>data</c>.</summary>
    public static async Task<JsonElement> DataAsync(
        this HttpClient client, HttpMethod method, string url, string? token, object? body = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var (json, response) = await client.SendAsync(method, url, token, expected, body);
        response.Dispose();
        Assert.True(json.GetProperty("success").GetBoolean(), $"{method} {url}: {json}");
        return json.GetProperty("data");
    }

    /// <summary>GETs <paramref name="url"/>, expects 200 and returns the envelope's <c>data</c>.</summary>
    public static Task<JsonElement> GetDataAsync(this HttpClient client, string url, string? token = null) =>
        client.DataAsync(HttpMethod.Get, url, token);

    /// <summary>The ids of a page's (or search result's) <c>items</c>.</summary>
    public static Guid[] ItemIds(this JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];

    /// <summary>A money figure of a JSON object.</summary>
    public static decimal Money(this JsonElement element, string name) => element.GetProperty(name).GetDecimal();

    /// <summary>Polls <paramref name="probe"/> until <paramref name="condition"/> holds, up to <see cref="EventPatience"/>.</summary>
    public static Task<T> EventuallyAsync<T>(Func<Task<T>> probe, Func<T, bool> condition) =>
        MercatoProcess.EventuallyAsync(probe, condition, EventPatience);
}
