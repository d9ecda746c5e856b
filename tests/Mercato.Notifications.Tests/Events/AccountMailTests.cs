using System.Net;
using System.Text.Json;
using Mercato.Identity.Contracts;
using Mercato.Notifications.Data;
using Mercato.Notifications.Tests.Support;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Notifications.Tests.Events;

/// <summary>
/// Identity's account events reach the account's address: a password reset (link and code, how
/// long they work), an address to verify (a new account's or a changed one) and a changed password.
/// Their bodies carry secrets: the API never shows them, a resend still delivers them, and no log
/// line holds the token or the code. Each event mails once, however often it is delivered.
/// </summary>
public abstract class AccountMailTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : NotificationsFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_password_reset_mail_carries_the_link_the_code_and_the_expiry_and_its_secret_stays_out_of_the_api_and_the_logs()
    {
        using var mail = new MailServer();
        var (userId, email, token) = await _client.RegisterCustomerAsync("Grace", "Hopper");
        var secret = "rst" + Guid.NewGuid().ToString("N");
        var code = Random.Shared.Next(100000, 999999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var requested = new PasswordResetRequested(userId, email, "Grace", secret, code, factory.Clock.GetUtcNow().AddMinutes(60), null);
        await factory.Services.RelayAsync<NotificationsDbContext>(requested, "identity");

        var message = await factory.MailAsync(mail, email, "Reset your Test Shop password");
        var text = message.TextBody ?? string.Empty;
        Assert.Contains("Hello Grace,", text, StringComparison.Ordinal);
        Assert.Contains($"https://shop.example/account/reset-password?uid={userId}&token={secret}", text, StringComparison.Ordinal);
        Assert.Contains("    " + code + "\n", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("The link and the code expire in 60 minutes", text, StringComparison.Ordinal);
        Assert.Contains("If this wasn't you, ignore this e-mail", text, StringComparison.Ordinal);
        Assert.Contains($"href=\"https://shop.example/account/reset-password?uid={userId}&amp;token={secret}\"", message.HtmlBody ?? string.Empty, StringComparison.Ordinal);
        Assert.Contains($">{code}</p>", message.HtmlBody ?? string.Empty, StringComparison.Ordinal);

        // The owner and an administrator see that it was sent, never what it said.
        var item = (await _client.HistoryAsync(token)).GetProperty("items").EnumerateArray().Single(i => i.GetProperty("template").GetString() == "password-reset");
        var id = item.GetProperty("id").GetGuid();
        var admin = await _client.AdminTokenAsync();
        await factory.EventuallyAsync(async () => (await RecordAsync(id, admin)).GetProperty("status").GetString() == "sent", "the record to be sent");
        foreach (var caller in new[] { token, admin })
        {
            var record = await RecordAsync(id, caller);
            Assert.Equal(JsonValueKind.Null, record.GetProperty("body").ValueKind);
            Assert.Equal(JsonValueKind.Null, record.GetProperty("htmlBody").ValueKind);
            Assert.DoesNotContain(secret, record.GetRawText(), StringComparison.Ordinal);
        }

        // An administrator's resend still delivers the secret to the owner, and hides it as well.
        using var resend = await _client.CallAsync(HttpMethod.Post, $"/api/v1/notifications/{id}/resend", admin);
        await resend.ExpectAsync(HttpStatusCode.Accepted);
        var copy = (await resend.ReadJsonAsync()).GetProperty("data");
        Assert.Equal(JsonValueKind.Null, copy.GetProperty("body").ValueKind);
        await factory.EventuallyAsync(async () => (await mail.MessagesToAsync(email)).Count(m => m.Subject == "Reset your Test Shop password") == 2, "the resent mail");
        Assert.All((await mail.MessagesToAsync(email)).Where(m => m.Subject == "Reset your Test Shop password"), m => Assert.Contains(secret, m.TextBody ?? string.Empty, StringComparison.Ordinal));

        Assert.Contains(factory.Logs.Entries, e => e.Message.Contains(id.ToString(), StringComparison.Ordinal));
        Assert.DoesNotContain(factory.Logs.Entries, e => e.Message.Contains(secret, StringComparison.Ordinal) || e.Message.Contains(code, StringComparison.Ordinal)
            || (e.Exception?.ToString().Contains(secret, StringComparison.Ordinal) ?? false));
    }

    [Fact]
    public async Task A_reset_asked_for_a_code_only_has_no_link_and_in_german_says_when_it_expires()
    {
        using var mail = new MailServer();
        var (userId, email, _) = await _client.RegisterCustomerAsync("Jürgen", "Habermas");
        var requested = new PasswordResetRequested(userId, email, "Jürgen", null, "604218", factory.Clock.GetUtcNow().AddMinutes(15), "de-DE");
        await factory.Services.RelayAsync<NotificationsDbContext>(requested, "identity");

        var text = (await factory.MailAsync(mail, email, "Ihr Passwort bei Test Shop zurücksetzen")).TextBody ?? string.Empty;
        Assert.Contains("Hallo Jürgen,", text, StringComparison.Ordinal);
        Assert.Contains("Geben Sie diesen Code auf der Seite zum Zurücksetzen ein:", text, StringComparison.Ordinal);
        Assert.Contains("604218", text, StringComparison.Ordinal);
        Assert.Contains("Der Code läuft in 15 Minuten ab", text, StringComparison.Ordinal);
        Assert.Contains("und funktioniert nur einmal.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("reset-password?", text, StringComparison.Ordinal);
        Assert.Equal("de", await factory.WithDbAsync(db => db.Notifications.Where(n => n.SourceEventId == requested.Id).Select(n => n.Language).SingleAsync()));
    }

    [Fact]
    public async Task A_verification_mail_shows_the_link_and_the_code_and_opens_differently_for_a_changed_address()
    {
        using var mail = new MailServer();
        var (userId, _, _) = await _client.RegisterCustomerAsync("Grace", "Hopper");
        // Registration mails its own verification to the account's address; this event names another.
        var email = $"verify.{Guid.NewGuid():N}@example.com";
        var secret = "vrf" + Guid.NewGuid().ToString("N");
        var expires = factory.Clock.GetUtcNow().AddHours(24);
        var verify = new EmailVerificationRequested(userId, email, "Grace", secret, "314159", expires, IsEmailChange: false, null);
        await factory.Services.RelayAsync<NotificationsDbContext>(verify, "identity");

        var first = await factory.MailAsync(mail, email, "Verify your e-mail address for Test Shop");
        var text = first.TextBody ?? string.Empty;
        Assert.Contains($"welcome to Test Shop! Please confirm that {email} is your e-mail address.", text, StringComparison.Ordinal);
        Assert.Contains($"https://shop.example/account/verify-email?token={secret}", text, StringComparison.Ordinal);
        Assert.Contains("314159", text, StringComparison.Ordinal);
        Assert.Contains("The link and the code expire in 24 hours", text, StringComparison.Ordinal);
        Assert.Contains("font-size:32px", first.HtmlBody ?? string.Empty, StringComparison.Ordinal);

        var newAddress = $"new.{Guid.NewGuid():N}@example.com";
        var change = new EmailVerificationRequested(userId, newAddress, "Grace", secret + "2", "271828", expires, IsEmailChange: true, null);
        await factory.Services.RelayAsync<NotificationsDbContext>(change, "identity");
        var second = (await factory.MailAsync(mail, newAddress, "Confirm your new e-mail address for Test Shop")).TextBody ?? string.Empty;
        Assert.Contains($"you asked to change the e-mail address of your Test Shop account to {newAddress}.", second, StringComparison.Ordinal);
        Assert.Contains("271828", second, StringComparison.Ordinal);
        Assert.DoesNotContain("welcome to", second, StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.Notifications.Where(n => n.SourceEventId == change.Id).Select(n => n.Sensitive).SingleAsync()));
    }

    [Fact]
    public async Task A_changed_password_is_mailed_once_with_when_and_where_to_reset_it_even_when_the_event_comes_again()
    {
        using var mail = new MailServer();
        var (userId, email, _) = await _client.RegisterCustomerAsync("Grace", "Hopper");
        var changed = new PasswordChanged(userId, email, "Grace", new DateTimeOffset(2026, 12, 4, 21, 5, 0, TimeSpan.Zero), ByReset: false, "en");
        await factory.Services.RelayAsync<NotificationsDbContext>(changed, "identity");

        var text = (await factory.MailAsync(mail, email, "Your Test Shop password was changed")).TextBody ?? string.Empty;
        Assert.Contains("was changed on 2026-12-04 21:05 UTC.", text, StringComparison.Ordinal);
        Assert.Contains("If this wasn't you, reset your password now at https://shop.example/account/forgot-password", text, StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.Notifications.Where(n => n.SourceEventId == changed.Id).Select(n => n.Sensitive).SingleAsync()));

        await factory.Services.RedeliverAsync<NotificationsDbContext>(changed.Id);
        for (var i = 0; i < 20; i++)
        {
            factory.Tick();
            await Task.Delay(50);
        }

        Assert.Single(await mail.MessagesToAsync(email), m => m.Subject == "Your Test Shop password was changed");
        Assert.Equal(1, await factory.WithDbAsync(db => db.Notifications.CountAsync(n => n.SourceEventId == changed.Id)));
    }

    private async Task<JsonElement> RecordAsync(Guid id, string token)
    {
        using var response = await _client.CallAsync(HttpMethod.Get, $"/api/v1/notifications/{id}", token);
        await response.ExpectAsync(HttpStatusCode.OK);
        return (await response.ReadJsonAsync()).GetProperty("data");
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteAccountMailTests(NotificationsFactory factory) : AccountMailTests<NotificationsFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresAccountMailTests(PostgresNotificationsFactory factory) : AccountMailTests<PostgresNotificationsFactory>(factory);
