using System.Net;
using Mercato.Identity.Contracts;
using Mercato.Notifications.Data;
using Mercato.Notifications.Tests.Support;
using Mercato.Support.Contracts;
using Mercato.Testing;
using Mercato.Webhooks.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Notifications.Tests.Events;

/// <summary>
/// Mail for the shop's administrators (a webhook endpoint disabled) reaches every account that
/// Identity's <c>UserRolesChanged</c> names Admin, in their language, and the configured
/// <c>Notifications:AdminEmails</c>; support messages mail only customers, and only staff replies.
/// </summary>
public abstract class AdministratorMailTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : NotificationsFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_disabled_webhook_endpoint_mails_the_promoted_administrators_and_the_configured_addresses()
    {
        using var mail = new MailServer();
        var admin = await _client.AdminTokenAsync();
        var (ownerId, ownerEmail, _) = await _client.RegisterCustomerAsync("Ada", "Admin");
        var (germanId, germanEmail, _) = await _client.RegisterCustomerAsync("Grete", "Admin");
        var (customerId, customerEmail, _) = await _client.RegisterCustomerAsync("Carl", "Customer");
        await factory.Services.PublishAsync(new UserProfileChanged(germanId, germanEmail, "Grete", "Admin", null, "de") { OccurredAt = factory.Clock.GetUtcNow() }, "identity");
        foreach (var id in new[] { ownerId, germanId })
        {
            using var promoted = await _client.CallAsync(HttpMethod.Put, $"/api/v1/users/{id}/roles", admin, new { roles = new[] { "Customer", "Admin" } });
            await promoted.ExpectAsync(HttpStatusCode.OK);
        }

        await factory.EventuallyAsync(
            async () => await factory.WithDbAsync(db => db.Customers.CountAsync(c => (c.UserId == ownerId || c.UserId == germanId) && c.IsAdmin)) == 2,
            "both promotions are known");
        var url = $"https://erp.example.com/hooks/{ShopApi.Unique()}";
        var disabled = new WebhookEndpointDisabled(Guid.CreateVersion7(), url, "failing since 2026-11-30T10:00:00Z", new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero));
        await factory.Services.RelayAsync<NotificationsDbContext>(disabled, "webhooks");

        var english = await factory.MailAsync(mail, ownerEmail, $"Webhook endpoint disabled: {url}");
        Assert.Contains("Reason: failing since 2026-11-30T10:00:00Z", english.TextBody ?? string.Empty, StringComparison.Ordinal);
        Assert.Contains("Failing since: 2026-11-30 10:00 UTC", english.TextBody ?? string.Empty, StringComparison.Ordinal);
        Assert.Contains("Hello Ada", english.TextBody ?? string.Empty, StringComparison.Ordinal);
        var german = await factory.MailAsync(mail, germanEmail, $"Webhook-Endpunkt deaktiviert: {url}");
        Assert.Contains("Grund: failing since 2026-11-30T10:00:00Z", german.TextBody ?? string.Empty, StringComparison.Ordinal);
        var operators = await factory.MailAsync(mail, NotificationsFactory.OperatorsEmail, $"Webhook endpoint disabled: {url}");
        Assert.Contains(url, operators.HtmlBody ?? string.Empty, StringComparison.Ordinal);

        // A customer is no administrator; and the event delivered again mails no one twice.
        Assert.DoesNotContain(await mail.MessagesToAsync(customerEmail), m => (m.Subject ?? string.Empty).Contains(url, StringComparison.Ordinal));
        Assert.Equal(3, await factory.WithDbAsync(db => db.Notifications.CountAsync(n => n.SourceEventId == disabled.Id)));
        Assert.DoesNotContain(customerId, await factory.WithDbAsync(db => db.Notifications.Where(n => n.SourceEventId == disabled.Id).Select(n => n.UserId).ToListAsync()));
        await factory.Services.RedeliverAsync<NotificationsDbContext>(disabled.Id);
        Assert.Equal(3, await factory.WithDbAsync(db => db.Notifications.CountAsync(n => n.SourceEventId == disabled.Id)));
    }

    [Fact]
    public async Task Support_messages_mail_the_customer_only_for_staff_replies()
    {
        using var mail = new MailServer();
        var (customerId, email, _) = await _client.RegisterCustomerAsync("Grace", "Hopper");
        // The customer's address comes from Identity's registration event: wait until it is known.
        await factory.EventuallyAsync(async () => await factory.WithDbAsync(db => db.Customers.AnyAsync(c => c.UserId == customerId)), "the customer is known");
        var conversationId = Guid.CreateVersion7();
        var staffId = Guid.CreateVersion7();
        SupportMessageCreated Message(Guid author, bool byStaff, bool isInternal, string body)
            => new(conversationId, Guid.CreateVersion7(), customerId, null, "Broken zip", author, byStaff, isInternal, body);

        var fromCustomer = Message(customerId, false, false, "The zip broke.");
        var note = Message(staffId, true, true, "Known supplier fault.");
        var reply = Message(staffId, true, false, "We send a new one.");
        foreach (var message in new[] { fromCustomer, note, reply })
        {
            await factory.Services.RelayAsync<NotificationsDbContext>(message, "support");
        }

        var mailed = await factory.MailAsync(mail, email, "Re: Broken zip");
        Assert.Contains("We send a new one.", mailed.TextBody ?? string.Empty, StringComparison.Ordinal);
        Assert.Contains($"https://shop.example/account/support/{conversationId}", mailed.TextBody ?? string.Empty, StringComparison.Ordinal);
        var counts = await factory.WithDbAsync(async db => new[]
            {
                await db.Notifications.CountAsync(n => n.SourceEventId == fromCustomer.Id),
                await db.Notifications.CountAsync(n => n.SourceEventId == note.Id),
                await db.Notifications.CountAsync(n => n.SourceEventId == reply.Id),
            });
        Assert.Equal(new[] { 0, 0, 1 }, counts);
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteAdministratorMailTests(NotificationsFactory factory) : AdministratorMailTests<NotificationsFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresAdministratorMailTests(PostgresNotificationsFactory factory) : AdministratorMailTests<PostgresNotificationsFactory>(factory);
