using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Mercato.Payments.Tests.Support;
using Mercato.Platform.Security;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Payments.Tests.Webhooks;

/// <summary>The sandbox's signed webhooks at <c>/api/v1/payments/webhooks/sandbox</c>, their races with the browser's return, on one provider.</summary>
public abstract class GatewayWebhookTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PaymentsFactory
{
    private readonly HttpClient _client = factory.CreateClient();
    private readonly HttpClient _browser = factory.Browser();

    [Fact]
    public async Task A_missing_or_wrong_signature_is_400_and_changes_nothing()
    {
        var (order, paymentId, redirect) = await PaidAtTheGatewayAsync();
        var charge = await ChargeOfAsync(paymentId);
        var body = Body("evt_sbx_forged", charge, paymentId);

        using var unsigned = await _client.PostAsync("/api/v1/payments/webhooks/sandbox", new StringContent(body, Encoding.UTF8, "application/json"));
        await unsigned.ExpectAsync(HttpStatusCode.BadRequest);
        var refused = await unsigned.ReadErrorAsync();
        Assert.Equal(["INVALID_SIGNATURE"], refused.ErrorCodes());
        Assert.Equal(["webhook-signature"], refused.ErrorFields());
        using var forged = await PostAsync("evt_sbx_forged", body, "whsec_" + Convert.ToBase64String(Encoding.UTF8.GetBytes("not-the-sandbox-secret-at-all")));
        await forged.ExpectAsync(HttpStatusCode.BadRequest);
        using var stale = await PostAsync("evt_sbx_forged", body, PaymentsFactory.WebhookSecret, factory.Clock.GetUtcNow().AddMinutes(-6));
        await stale.ExpectAsync(HttpStatusCode.BadRequest);
        using var unknownGateway = await PostAsync("evt_sbx_forged", body, PaymentsFactory.WebhookSecret, gateway: "paypal");
        await unknownGateway.ExpectAsync(HttpStatusCode.NotFound);

        Assert.Equal("pending", (await _client.PaymentAsync(paymentId, order.Token)).GetProperty("status").GetString());
        Assert.Equal(0, await factory.WithDbAsync(db => db.GatewayEvents.CountAsync(e => e.EventId == "evt_sbx_forged")));
        Assert.Empty(await factory.EventsAsync("payments.payment-succeeded.v1", order.Id));
        redirect.Dispose();
    }

    [Fact]
    public async Task Ten_identical_webhooks_in_parallel_capture_once_and_publish_once()
    {
        var (order, paymentId, redirect) = await PaidAtTheGatewayAsync();
        var charge = await ChargeOfAsync(paymentId);
        var body = Body("evt_sbx_parallel_" + paymentId.ToString("N"), charge, paymentId);

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ =>
        {
            using var response = await PostAsync("evt_sbx_parallel_" + paymentId.ToString("N"), body, PaymentsFactory.WebhookSecret);
            return response.StatusCode;
        }));

        Assert.All(answers, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Transactions.CountAsync(t => t.PaymentId == paymentId && t.Kind == Ledger.TransactionKind.Captured)));
        Assert.Single(await factory.EventsAsync("payments.payment-succeeded.v1", order.Id));
        Assert.Equal(1, await factory.WithDbAsync(db => db.GatewayEvents.CountAsync(e => e.EventId == "evt_sbx_parallel_" + paymentId.ToString("N"))));
        Assert.Equal("succeeded", (await _client.PaymentAsync(paymentId, order.Token)).GetProperty("status").GetString());
        redirect.Dispose();
    }

    [Fact]
    public async Task The_redirect_and_the_webhook_at_the_same_instant_capture_once()
    {
        var (order, paymentId, redirect) = await PaidAtTheGatewayAsync();
        var charge = await ChargeOfAsync(paymentId);
        var eventId = "evt_sbx_race_" + paymentId.ToString("N");
        using var start = new SemaphoreSlim(0, 2);
        var browser = Task.Run(async () =>
        {
            await start.WaitAsync();
            return await _browser.FollowAsync(redirect);
        });
        var webhook = Task.Run(async () =>
        {
            await start.WaitAsync();
            return await PostAsync(eventId, Body(eventId, charge, paymentId), PaymentsFactory.WebhookSecret);
        });
        start.Release(2);
        using var back = await browser;
        using var received = await webhook;

        Assert.Equal(HttpStatusCode.SeeOther, back.StatusCode);
        Assert.Equal("https://shop.example/paid", back.Headers.Location!.GetLeftPart(UriPartial.Path));
        await received.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Transactions.CountAsync(t => t.PaymentId == paymentId && t.Kind == Ledger.TransactionKind.Captured)));
        Assert.Single(await factory.EventsAsync("payments.payment-succeeded.v1", order.Id));
        redirect.Dispose();
    }

    /// <summary>An order paid on the sandbox's page whose browser has not come back yet (the redirect is returned, not followed).</summary>
    private async Task<(PlacedOrder Order, Guid PaymentId, HttpResponseMessage Redirect)> PaidAtTheGatewayAsync()
    {
        var order = await _client.CustomerOrderAsync();
        var session = await _client.SessionAsync(order);
        var redirect = await _browser.PayOnPageAsync(session.GetProperty("checkoutUrl").GetString()!, "4242424242424242");
        Assert.Equal(HttpStatusCode.SeeOther, redirect.StatusCode);
        return (order, session.GetProperty("paymentId").GetGuid(), redirect);
    }

    private Task<string> ChargeOfAsync(Guid paymentId)
        => factory.WithDbAsync(db => db.SandboxCharges.Where(c => c.Reference == paymentId).Select(c => c.Id).SingleAsync());

    private static string Body(string eventId, string chargeId, Guid paymentId) => JsonSerializer.Serialize(new
    {
        id = eventId,
        type = "charge.succeeded",
        created = 1,
        data = new { charge = chargeId, reference = paymentId.ToString() },
    });

    private Task<HttpResponseMessage> PostAsync(string eventId, string body, string secret, DateTimeOffset? at = null, string gateway = "sandbox")
    {
        var timestamp = (at ?? factory.Clock.GetUtcNow()).ToUnixTimeSeconds();
        var bytes = Encoding.UTF8.GetBytes(body);
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/payments/webhooks/{gateway}") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add(StandardWebhookSignature.IdHeader, eventId);
        request.Headers.Add(StandardWebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(StandardWebhookSignature.SignatureHeader, StandardWebhookSignature.Sign(secret, eventId, timestamp, bytes));
        return _client.SendAsync(request);
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteGatewayWebhookTests(PaymentsFactory factory) : GatewayWebhookTests<PaymentsFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresGatewayWebhookTests(PostgresPaymentsFactory factory) : GatewayWebhookTests<PostgresPaymentsFactory>(factory);
