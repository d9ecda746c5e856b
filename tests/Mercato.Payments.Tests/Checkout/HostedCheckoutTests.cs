using System.Net;
using Mercato.Payments.Tests.Support;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Payments.Tests.Checkout;

/// <summary>A shopper pays on the sandbox's hosted page, as a browser would, on one provider.</summary>
public abstract class HostedCheckoutTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PaymentsFactory
{
    private readonly HttpClient _client = factory.CreateClient();
    private readonly HttpClient _browser = factory.Browser();

    [Fact]
    public async Task A_customer_pays_on_the_page_the_redirect_completes_it_and_the_late_webhook_changes_nothing()
    {
        var order = await _client.CustomerOrderAsync();
        var session = await _client.SessionAsync(order);
        var paymentId = session.GetProperty("paymentId").GetGuid();
        Assert.Equal((order.Total, "USD", "pending"), (session.GetProperty("amount").GetDecimal(), session.GetProperty("currency").GetString(), session.GetProperty("status").GetString()));
        Assert.Equal(session.GetProperty("checkoutUrl").GetString(), session.GetProperty("checkout_url").GetString());

        using var page = await _browser.GetAsync(new Uri(session.GetProperty("checkoutUrl").GetString()!).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<form", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var paid = await _browser.PayOnPageAsync(session.GetProperty("checkoutUrl").GetString()!, "4242 4242 4242 4242");
        Assert.Equal(HttpStatusCode.SeeOther, paid.StatusCode);
        using var back = await _browser.FollowAsync(paid);
        Assert.Equal(HttpStatusCode.SeeOther, back.StatusCode);
        var shop = back.Headers.Location!;
        Assert.Equal("https://shop.example/paid", shop.GetLeftPart(UriPartial.Path));
        Assert.Contains("status=success", shop.Query, StringComparison.Ordinal);
        Assert.Contains($"payment_id={paymentId}", shop.Query, StringComparison.Ordinal);

        var payment = await _client.PaymentAsync(paymentId, order.Token);
        Assert.Equal(("succeeded", order.Total, "visa", "4242"), (
            payment.GetProperty("status").GetString(), payment.GetProperty("captured").GetDecimal(),
            payment.GetProperty("brand").GetString(), payment.GetProperty("last4").GetString()));
        Assert.Single(await factory.EventsAsync("payments.payment-succeeded.v1", order.Id));
        await Shoppers.EventuallyAsync(async () => await _client.OrderStatusAsync(order) == "paid", "the order to be paid");

        // The sandbox's webhook leaves two (fake) seconds later and finds the payment complete.
        factory.Clock.Advance(TimeSpan.FromSeconds(3));
        await Shoppers.EventuallyAsync(
            () => factory.WithDbAsync(db => db.GatewayEvents.AnyAsync(e => e.Type == "charge.succeeded" && db.Payments.Any(p => p.Id == paymentId && p.GatewayPaymentId != null))),
            "the sandbox's webhook to be applied");
        Assert.Single(await factory.EventsAsync("payments.payment-succeeded.v1", order.Id));
        var ledger = await factory.WithDbAsync(db => db.Transactions.Where(t => t.PaymentId == paymentId).Select(t => t.Kind.ToString()).ToListAsync());
        Assert.Equal(["Captured"], ledger);
    }

    [Fact]
    public async Task A_guest_pays_with_the_cart_key_and_a_declined_card_goes_to_the_fail_url_and_leaves_the_order_unpaid()
    {
        var order = await _client.GuestOrderAsync();
        var session = await _client.SessionAsync(order);
        var paymentId = session.GetProperty("paymentId").GetGuid();

        using var declined = await _browser.PayOnPageAsync(session.GetProperty("checkoutUrl").GetString()!, "4000000000000002");
        using var back = await _browser.FollowAsync(declined);

        Assert.Equal("https://shop.example/failed", back.Headers.Location!.GetLeftPart(UriPartial.Path));
        var payment = await _client.PaymentAsync(paymentId, null, order.CartKey);
        Assert.Equal(("failed", 0m), (payment.GetProperty("status").GetString(), payment.GetProperty("captured").GetDecimal()));
        Assert.Equal("card_declined", payment.GetProperty("failureReason").GetString());
        Assert.Single(await factory.EventsAsync("payments.payment-failed.v1", order.Id));
        Assert.Empty(await factory.EventsAsync("payments.payment-succeeded.v1", order.Id));
        Assert.Equal("pending", await _client.OrderStatusAsync(order));
    }

    [Fact]
    public async Task Insufficient_funds_and_a_failed_challenge_fail_and_a_passed_challenge_pays()
    {
        var broke = await _client.CustomerOrderAsync();
        var brokeSession = await _client.SessionAsync(broke);
        using (var response = await _browser.FollowAsync(await _browser.PayOnPageAsync(brokeSession.GetProperty("checkoutUrl").GetString()!, "4000000000009995")))
        {
            var payment = await _client.PaymentAsync(brokeSession.GetProperty("paymentId").GetGuid(), broke.Token);
            Assert.Equal(("failed", "insufficient_funds"), (payment.GetProperty("status").GetString(), payment.GetProperty("failureReason").GetString()));
        }

        foreach (var (action, expected) in new[] { ("fail", "failed"), ("approve", "succeeded") })
        {
            var order = await _client.CustomerOrderAsync();
            var session = await _client.SessionAsync(order);
            using var challenge = await _browser.PayOnPageAsync(session.GetProperty("checkoutUrl").GetString()!, "4000002500003155");
            Assert.Equal(HttpStatusCode.SeeOther, challenge.StatusCode);
            Assert.Contains("/sandbox-pay/challenge/", challenge.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
            using var challengePage = await _browser.FollowAsync(challenge);
            Assert.Contains("Confirm this payment", await challengePage.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            using var answered = await _browser.PostAsync(
                challenge.Headers.Location!.PathAndQuery, new FormUrlEncodedContent(new Dictionary<string, string> { ["action"] = action }));
            using var back = await _browser.FollowAsync(answered);

            var payment = await _client.PaymentAsync(session.GetProperty("paymentId").GetGuid(), order.Token);
            Assert.Equal(expected, payment.GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task The_page_refuses_a_bad_card_without_charging_or_showing_it_again()
    {
        var order = await _client.CustomerOrderAsync();
        var session = await _client.SessionAsync(order);
        var url = session.GetProperty("checkoutUrl").GetString()!;

        using var bad = await _browser.PayOnPageAsync(url, "4242 4242 4242 4241", expiry: "01/20", cvc: "1");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("Your card number is invalid.", html, StringComparison.Ordinal);
        Assert.Contains("Your card has expired.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("4242 4242 4242 4241", html, StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.SandboxCharges.CountAsync(c => c.Reference == session.GetProperty("paymentId").GetGuid())));
        Assert.Equal("pending", (await _client.PaymentAsync(session.GetProperty("paymentId").GetGuid(), order.Token)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Cancelling_on_the_page_goes_to_the_cancel_url_and_a_session_without_urls_answers_seed_000s_status()
    {
        var order = await _client.CustomerOrderAsync();
        var session = await _client.SessionAsync(order);
        using var cancelled = await _browser.PostAsync(new Uri(session.GetProperty("checkoutUrl").GetString()!).AbsolutePath + "/cancel", null);
        using var back = await _browser.FollowAsync(cancelled);
        Assert.Equal("https://shop.example/cart", back.Headers.Location!.GetLeftPart(UriPartial.Path));
        Assert.Equal("cancelled", (await _client.PaymentAsync(session.GetProperty("paymentId").GetGuid(), order.Token)).GetProperty("status").GetString());

        // Seed 000: no body at all pays the caller's newest unpaid order; without URLs the return answers the status.
        using var seed = await _client.CallAsync(HttpMethod.Post, "/api/v1/payments/create-checkout-session/", order.Token);
        await seed.ExpectAsync(HttpStatusCode.Created);
        var seedSession = (await seed.ReadJsonAsync()).GetProperty("data");
        Assert.Equal(order.Id, seedSession.GetProperty("orderId").GetGuid());
        using var paid = await _browser.PayOnPageAsync(seedSession.GetProperty("checkout_url").GetString()!, "4242424242424242");
        using var answer = await _browser.FollowAsync(paid);
        await answer.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("success", (await answer.ReadJsonAsync()).GetProperty("data").GetProperty("status").GetString());
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteHostedCheckoutTests(PaymentsFactory factory) : HostedCheckoutTests<PaymentsFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresHostedCheckoutTests(PostgresPaymentsFactory factory) : HostedCheckoutTests<PostgresPaymentsFactory>(factory);
