using System.Net;
using System.Text.Json;
using Mercato.Payments.Gateways;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Payments.Tests.Support;

/// <summary>Manual capture driven through the API (authorise, capture, cancel) and what the ledger, the sandbox and the Catalog then hold.</summary>
internal static class Captures
{
    /// <summary>A customer's order (of <paramref name="productId"/> when given), authorised with a saved card through <c>process</c>; asserts <c>authorized</c>.</summary>
    public static async Task<(PlacedOrder Order, Guid PaymentId)> AuthorisedOrderAsync(this HttpClient client, Guid? productId = null)
    {
        var order = await client.CustomerOrderAsync(productId: productId);
        var method = await client.SaveCardAsync(order.Token!);
        using var processed = await client.ProcessAsync(order, method);
        await processed.ExpectAsync(HttpStatusCode.OK);
        var data = (await processed.ReadJsonAsync()).GetProperty("data");
        Assert.Equal("authorized", data.GetProperty("status").GetString());
        return (order, data.GetProperty("id").GetGuid());
    }

    /// <summary><c>POST /api/v1/payments/{id}/capture</c>.</summary>
    public static Task<HttpResponseMessage> CaptureAsync(this HttpClient client, string? token, Guid paymentId, decimal? amount, string? idempotencyKey = null)
        => client.CallAsync(
            HttpMethod.Post,
            $"/api/v1/payments/{paymentId}/capture",
            token,
            new { amount },
            idempotencyKey is null ? null : new Dictionary<string, string> { ["Idempotency-Key"] = idempotencyKey });

    /// <summary><c>POST /api/v1/payments/{id}/cancel</c>.</summary>
    public static Task<HttpResponseMessage> CancelPaymentAsync(this HttpClient client, string? token, Guid paymentId)
        => client.CallAsync(HttpMethod.Post, $"/api/v1/payments/{paymentId}/cancel", token);

    /// <summary>The kinds of the payment's ledger entries, oldest first, as an administrator reads them.</summary>
    public static async Task<string[]> LedgerKindsAsync(this HttpClient client, Guid paymentId, string admin)
    {
        var payment = await client.PaymentAsync(paymentId, admin);
        return [.. payment.GetProperty("transactions").EnumerateArray().Select(t => t.GetProperty("kind").GetString()!)];
    }

    /// <summary>The sandbox provider's own record of the payment's charge.</summary>
    public static async Task<(ChargeState State, decimal Amount)> SandboxChargeAsync(this PaymentsFactory factory, Guid paymentId)
    {
        var charge = await factory.WithDbAsync(db => db.SandboxCharges.AsNoTracking().SingleAsync(c => c.Reference == paymentId));
        return (charge.State, charge.Amount);
    }

    /// <summary>The product's newest stock ledger entry (Admin).</summary>
    public static async Task<JsonElement> LatestStockMoveAsync(this HttpClient client, string admin, Guid productId)
    {
        using var response = await client.CallAsync(HttpMethod.Get, $"/api/v1/products/{productId}/stock/ledger?pageSize=1", admin);
        await response.ExpectAsync(HttpStatusCode.OK);
        return (await response.ReadJsonAsync()).GetProperty("data").GetProperty("items")[0];
    }
}
