using Mercato.Notifications.Data;
using Mercato.Notifications.Tests.Support;
using Mercato.Payments.Contracts;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Notifications.Tests.Events;

/// <summary>
/// Payments' events reach the order's contact: a failed payment and a partial refund, each mailed
/// once even when the event is delivered again.
/// </summary>
public abstract class PaymentMailTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : NotificationsFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_partial_refund_is_mailed_once_even_when_its_event_is_delivered_again()
    {
        using var mail = new MailServer();
        var order = await _client.CustomerOrderAsync();
        var refunded = new PaymentRefunded(order.Id, "pi_refund_" + ShopApi.Unique(), 10.00m) { RefundedTotal = 10.00m, FullyRefunded = false };
        await factory.Services.RelayAsync<NotificationsDbContext>(refunded, "payments");

        var subject = $"Partial refund for order {order.Number}";
        await factory.EventuallyAsync(async () => (await mail.MessagesToAsync(order.Email)).Any(m => m.Subject == subject), "the refund mail");
        var message = (await mail.MessagesToAsync(order.Email)).Single(m => m.Subject == subject);
        Assert.Contains("we refunded 10.00 USD for your order", message.TextBody ?? string.Empty, StringComparison.Ordinal);
        Assert.Contains("(10.00 USD refunded so far)", message.TextBody ?? string.Empty, StringComparison.Ordinal);

        await factory.Services.RedeliverAsync<NotificationsDbContext>(refunded.Id);
        for (var i = 0; i < 20; i++)
        {
            factory.Tick();
            await Task.Delay(50);
        }

        Assert.Single(await mail.MessagesToAsync(order.Email), m => m.Subject == subject);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Notifications.CountAsync(n => n.SourceEventId == refunded.Id)));
    }

    [Fact]
    public async Task A_failed_payment_tells_the_customer_why_and_where_to_pay_again()
    {
        using var mail = new MailServer();
        var order = await _client.CustomerOrderAsync();
        await factory.Services.RelayAsync<NotificationsDbContext>(new PaymentFailed(order.Id, "pi_failed_" + ShopApi.Unique(), "insufficient_funds"), "payments");

        var subject = $"The payment for order {order.Number} did not go through";
        await factory.EventuallyAsync(async () => (await mail.MessagesToAsync(order.Email)).Any(m => m.Subject == subject), "the failed-payment mail");
        var text = (await mail.MessagesToAsync(order.Email)).Single(m => m.Subject == subject).TextBody ?? string.Empty;
        Assert.Contains("(insufficient_funds)", text, StringComparison.Ordinal);
        Assert.Contains($"https://shop.example/account/orders/{order.Number}", text, StringComparison.Ordinal);
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqlitePaymentMailTests(NotificationsFactory factory) : PaymentMailTests<NotificationsFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresPaymentMailTests(PostgresNotificationsFactory factory) : PaymentMailTests<PostgresNotificationsFactory>(factory);
