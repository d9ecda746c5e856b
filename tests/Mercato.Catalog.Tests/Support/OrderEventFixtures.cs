using System.Net;
using System.Text.Json;
using Mercato.Catalog.Data;
using Mercato.Messaging.Events;
using Mercato.Ordering.Contracts;
using Mercato.Testing;

namespace Mercato.Catalog.Tests.Support;

/// <summary>Ordering's events delivered to the Catalog, and what the stock endpoints say afterwards.</summary>
public static class OrderEventFixtures
{
    /// <summary>The events' producer.</summary>
    public const string Ordering = "ordering";

    /// <summary>Relays an Ordering event into the Catalog (outbox, relay, transport, inbox) and waits until it was handled.</summary>
    public static Task RelayAsync(this CatalogFactory factory, IntegrationEvent integrationEvent)
        => factory.Services.RelayAsync<CatalogDbContext>(integrationEvent, Ordering);

    /// <summary>Publishes an already relayed event once more and waits until it went through.</summary>
    public static Task RedeliverAsync(this CatalogFactory factory, Guid eventId)
        => factory.Services.RedeliverAsync<CatalogDbContext>(eventId);

    /// <summary>Ordering's <see cref="OrderPaid"/> for the order.</summary>
    public static OrderPaid Paid(Guid orderId) => new(orderId, Number(orderId), "pi_" + orderId.ToString("N")[..12], 29.97m);

    /// <summary>Ordering's <see cref="OrderCancelled"/> for the order.</summary>
    public static OrderCancelled Cancelled(Guid orderId, bool wasPaid, params (Guid ProductId, int Quantity)[] lines)
        => new(orderId, Number(orderId), "Changed my mind", wasPaid, [.. lines.Select(l => new OrderedLine(l.ProductId, l.Quantity, 9.99m))]);

    /// <summary>The order's reservation status through the service endpoint (<c>reserved</c>, <c>committed</c>, ...).</summary>
    public static async Task<string> ReservationStatusAsync(this HttpClient client, string serviceToken, Guid orderId)
    {
        using var response = await client.SendAsync(HttpMethod.Get, $"/api/v1/catalog/reservations/{orderId}", serviceToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("data").GetProperty("status").GetString()!;
    }

    /// <summary>The units a shopper can buy now, through the public stock lookup.</summary>
    public static async Task<int> AvailableAsync(this HttpClient client, Guid productId)
    {
        using var response = await client.PostJsonAsync("/api/v1/products/stock", new { ids = new[] { productId } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("data")[0].GetProperty("stock").GetInt32();
    }

    /// <summary>The product's ledger through the admin endpoint, newest first.</summary>
    public static async Task<List<JsonElement>> LedgerAsync(this HttpClient client, string adminToken, Guid productId)
    {
        using var response = await client.SendAsync(HttpMethod.Get, $"/api/v1/products/{productId}/stock/ledger?pageSize=100", adminToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.ReadJsonAsync()).GetProperty("data").GetProperty("items").EnumerateArray()];
    }

    /// <summary>The ledger entries of one kind (<c>commit</c>, <c>release</c>, <c>return</c>, ...).</summary>
    public static List<JsonElement> OfKind(this List<JsonElement> ledger, string kind)
        => [.. ledger.Where(e => e.GetProperty("kind").GetString() == kind)];

    private static string Number(Guid orderId) => "ORD-2026-" + (orderId.GetHashCode() & 0xFFFFF).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
}
