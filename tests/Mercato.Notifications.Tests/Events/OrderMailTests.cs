using Mercato.Notifications.Tests.Support;
using Mercato.Testing;
using MimeKit;

namespace Mercato.Notifications.Tests.Events;

/// <summary>
/// What happens to an account and an order reaches the customer's mailbox: the messages are read
/// back from the real SMTP server, and each is a record the customer sees in their history.
/// </summary>
public abstract class OrderMailTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : NotificationsFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Registering_placing_paying_and_shipping_each_mail_the_customer_once_with_the_orders_details()
    {
        using var mail = new MailServer();
        var order = await _client.CustomerOrderAsync("Noise Cancelling Headphones");

        var placed = await WaitForSubjectAsync(mail, order.Email, $"Your Test Shop order {order.Number}");
        var text = placed.TextBody ?? string.Empty;
        Assert.Contains("Hello Grace", text, StringComparison.Ordinal);
        Assert.Contains("2 x Noise Cancelling Headphones", text, StringComparison.Ordinal);
        Assert.Contains("Subtotal: 50.00 USD", text, StringComparison.Ordinal);
        Assert.Contains("Total: " + order.TotalText, text.Replace("\r", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("12 Analytical Row", text, StringComparison.Ordinal);
        Assert.Contains($"https://shop.example/account/orders/{order.Number}", text, StringComparison.Ordinal);
        Assert.Contains("<td align=\"right\">2</td>", placed.HtmlBody ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal("shop@notifications.test", ((MailboxAddress)placed.From[0]).Address);

        await _client.MarkPaidAsync(order);
        var paid = await WaitForSubjectAsync(mail, order.Email, $"Payment received for order {order.Number}");
        Assert.Contains(order.TotalText, paid.TextBody ?? string.Empty, StringComparison.Ordinal);

        await _client.MoveAsync(order, "processing");
        await _client.MoveAsync(order, "shipped", "1Z999AA10123456784", "UPS");
        var shipped = await WaitForSubjectAsync(mail, order.Email, $"Order {order.Number} is on its way");
        Assert.Contains("Tracking number: 1Z999AA10123456784", shipped.TextBody ?? string.Empty, StringComparison.Ordinal);
        Assert.Contains("https://www.ups.com/track?tracknum=1Z999AA10123456784", shipped.HtmlBody ?? string.Empty, StringComparison.Ordinal);

        // One welcome, placed, paid and shipped message each; nothing twice.
        var all = await mail.MessagesToAsync(order.Email);
        Assert.Equal(
            ["Order " + order.Number + " is on its way", "Payment received for order " + order.Number, "Welcome to Test Shop, Grace", "Your Test Shop order " + order.Number],
            all.Select(m => m.Subject ?? string.Empty).Order(StringComparer.Ordinal).ToArray());

        // Each is a record the customer reads in their history, sent, with the SMTP Message-Id (the
        // dispatcher records the send once the SMTP server has answered, a moment after the mail arrives).
        await factory.EventuallyAsync(
            async () => (await _client.HistoryAsync(order.Token)).GetProperty("items").EnumerateArray().All(i => i.GetProperty("status").GetString() != "sending"),
            "every message's send to be recorded");
        var history = await _client.HistoryAsync(order.Token);
        var items = history.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(4, history.GetProperty("totalCount").GetInt32());
        Assert.All(items, i => Assert.Equal(("email", "sent", order.Email, 1), (i.GetProperty("type").GetString(), i.GetProperty("status").GetString(), i.GetProperty("to").GetString(), i.GetProperty("attempts").GetInt32())));
        var shippedRecord = items.Single(i => i.GetProperty("template").GetString() == "order-shipped");
        Assert.Equal(shipped.MessageId, shippedRecord.GetProperty("providerMessageId").GetString());
    }

    [Fact]
    public async Task A_cancelled_order_mails_the_reason()
    {
        using var mail = new MailServer();
        var order = await _client.CustomerOrderAsync();
        using var cancel = await _client.CallAsync(HttpMethod.Post, $"/api/v1/orders/{order.Id}/cancel", order.Token, new { reason = "Ordered the wrong size" });
        await cancel.ExpectAsync(System.Net.HttpStatusCode.OK);

        var cancelled = await WaitForSubjectAsync(mail, order.Email, $"Order {order.Number} was cancelled");
        Assert.Contains("Ordered the wrong size", cancelled.TextBody ?? string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain("refunded", cancelled.TextBody ?? string.Empty, StringComparison.Ordinal);
    }

    private async Task<MimeMessage> WaitForSubjectAsync(MailServer mail, string to, string subject)
    {
        MimeMessage? found = null;
        await factory.EventuallyAsync(
            async () => (found = (await mail.MessagesToAsync(to)).FirstOrDefault(m => m.Subject == subject)) is not null,
            $"the mail '{subject}' to {to}");
        return found!;
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteOrderMailTests(NotificationsFactory factory) : OrderMailTests<NotificationsFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresOrderMailTests(PostgresNotificationsFactory factory) : OrderMailTests<PostgresNotificationsFactory>(factory);
