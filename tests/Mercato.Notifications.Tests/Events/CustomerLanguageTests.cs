using System.Net;
using Mercato.Identity.Contracts;
using Mercato.Notifications.Data;
using Mercato.Notifications.Tests.Support;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Notifications.Tests.Events;

/// <summary>
/// What Identity's profile events tell is kept (e-mail, names, phone, language), the newest event
/// winning whatever order they arrive in; messages go out in the customer's language, falling back
/// from a regional tag to its language, then to the shop's default (English); an administrator's
/// override in a language is used for it.
/// </summary>
public abstract class CustomerLanguageTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : NotificationsFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_profile_change_that_arrives_before_the_registration_is_kept_and_the_newest_details_win()
    {
        using var mail = new MailServer();
        var userId = Guid.CreateVersion7();
        var email = $"ada.{Guid.NewGuid():N}@example.com";
        var registeredAt = factory.Clock.GetUtcNow();
        var changed = new UserProfileChanged(userId, email, "Ada", "Byron", "+4915112345678", "de") { OccurredAt = registeredAt.AddMinutes(1) };
        await factory.Services.PublishAsync(changed, "identity");
        await factory.Services.PublishAsync(new UserRegistered(userId, email, null, "Ada", "Lovelace", false) { OccurredAt = registeredAt }, "identity");

        // The welcome mail already speaks the language the earlier-arrived profile named.
        var welcome = await factory.MailAsync(mail, email, "Willkommen bei Test Shop, Ada");
        Assert.Contains($"Ihr Konto bei Test Shop für {email} ist eingerichtet.", welcome.TextBody ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal(("Byron", "+4915112345678", "de"), await CustomerAsync(userId));

        // An older change arriving late changes nothing; a newer one replaces everything.
        await factory.Services.PublishAsync(new UserProfileChanged(userId, email, "Ada", "King", null, "fr") { OccurredAt = registeredAt.AddSeconds(30) }, "identity");
        Assert.Equal(("Byron", "+4915112345678", "de"), await CustomerAsync(userId));
        await factory.Services.PublishAsync(new UserProfileChanged(userId, email, "Ada", "King", null, "pt-br") { OccurredAt = registeredAt.AddMinutes(2) }, "identity");
        Assert.Equal(("King", (string?)null, "pt-BR"), await CustomerAsync(userId));
    }

    [Theory]
    [InlineData("de", "Ihre Bestellung {0} bei Test Shop", "vielen Dank für Ihre Bestellung")]
    [InlineData("de-AT", "Ihre Bestellung {0} bei Test Shop", "vielen Dank für Ihre Bestellung")]
    [InlineData("fr", "Your Test Shop order {0}", "thank you for your order")]
    public async Task The_order_mail_is_in_the_customers_language_falling_back_to_the_language_then_english(string language, string subject, string opening)
    {
        using var mail = new MailServer();
        var (userId, email, token) = await _client.RegisterCustomerAsync("Grace", "Hopper");
        await PreferAsync(userId, email, language);

        var order = await _client.OrderAsync(userId, email, token);
        var message = await factory.MailAsync(mail, email, string.Format(System.Globalization.CultureInfo.InvariantCulture, subject, order.Number));
        Assert.Contains(opening, message.TextBody ?? string.Empty, StringComparison.Ordinal);
        var expected = language == "fr" ? "en" : "de";
        Assert.Equal(expected, await factory.WithDbAsync(db => db.Notifications.Where(n => n.Template == "order-placed" && n.Recipient == email).Select(n => n.Language).SingleAsync()));
    }

    [Fact]
    public async Task An_administrators_override_in_the_customers_language_is_used_for_it()
    {
        using var mail = new MailServer();
        var admin = await _client.AdminTokenAsync();
        using var saved = await _client.CallAsync(HttpMethod.Put, "/api/v1/notifications/templates/order-paid", admin, new
        {
            language = "fr",
            subject = "Paiement reçu pour la commande {{ order.number }}",
            text = "Bonjour {{ customer.firstName }}, nous avons reçu {{ payment.amount }}.",
            html = "<p>Bonjour {{ customer.firstName }}</p>",
        });
        await saved.ExpectAsync(HttpStatusCode.OK);

        var (userId, email, token) = await _client.RegisterCustomerAsync("Grace", "Hopper");
        await PreferAsync(userId, email, "fr-CA");
        var order = await _client.OrderAsync(userId, email, token);
        await _client.MarkPaidAsync(order);

        var message = await factory.MailAsync(mail, email, $"Paiement reçu pour la commande {order.Number}");
        Assert.Equal($"Bonjour Grace, nous avons reçu {order.TotalText}.", (message.TextBody ?? string.Empty).Trim());
        // Without an override in French, the order-placed mail fell back to English.
        await factory.MailAsync(mail, email, $"Your Test Shop order {order.Number}");
    }

    /// <summary>
    /// Changes the customer's language as Identity would after the registration: the registration's
    /// own event is delivered by the relay first (as a profile change can only follow it), so the
    /// two projections of one customer are not written side by side.
    /// </summary>
    private async Task PreferAsync(Guid userId, string email, string language)
    {
        await factory.EventuallyAsync(() => factory.WithDbAsync(db => db.Customers.AnyAsync(c => c.UserId == userId)), "the registered customer");
        await factory.Services.PublishAsync(
            new UserProfileChanged(userId, email, "Grace", "Hopper", null, language) { OccurredAt = factory.Clock.GetUtcNow().AddSeconds(1) }, "identity");
    }

    private Task<(string LastName, string? Phone, string? Language)> CustomerAsync(Guid userId)
        => factory.WithDbAsync(db => db.Customers.Where(c => c.UserId == userId).Select(c => new ValueTuple<string, string?, string?>(c.LastName, c.PhoneNumber, c.Language)).SingleAsync());
}

/// <summary>On SQLite.</summary>
public sealed class SqliteCustomerLanguageTests(NotificationsFactory factory) : CustomerLanguageTests<NotificationsFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresCustomerLanguageTests(PostgresNotificationsFactory factory) : CustomerLanguageTests<PostgresNotificationsFactory>(factory);
