using Mercato.Support.Tests.Infrastructure;
using Mercato.Testing;

namespace Mercato.Support.Tests.Conversations;

/// <summary>A staff reply reaches the customer's mailbox (the real SMTP server); their own messages and internal notes do not.</summary>
public abstract class SupportMailTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SupportFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_staff_reply_mails_the_customer_the_reply_and_a_link_but_notes_and_customer_messages_mail_nobody()
    {
        using var mail = new MailServer();
        var customer = await _client.CustomerAsync("Grace");
        var agent = await _client.SupportAgentAsync();
        var id = (await _client.OpenAsync(customer, "Parcel missing", "Tracking says delivered.")).Id();
        await _client.PostAsync(agent.Token, id, "Internal: check with the carrier.", isInternal: true);
        await _client.PostAsync(customer.Token, id, "Any news?");
        await _client.PostAsync(agent.Token, id, "We asked the carrier.\nA new parcel leaves today.");

        var reply = await mail.WaitForSubjectAsync(customer.Email, "Re: Parcel missing", poke: factory.Tick);

        var text = reply.TextBody ?? string.Empty;
        Assert.Contains("Hello Grace", text, StringComparison.Ordinal);
        Assert.Contains("We asked the carrier.\nA new parcel leaves today.", text.Replace("\r", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains($"https://shop.example/account/support/{id}", text, StringComparison.Ordinal);
        Assert.Contains($"href=\"https://shop.example/account/support/{id}\"", reply.HtmlBody ?? string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain("Internal: check with the carrier.", text + reply.HtmlBody, StringComparison.Ordinal);

        // The note and the customer's own message came before the reply and mailed nothing: the
        // customer has the welcome mail and this one reply, and the agent nothing about support.
        // (The welcome mail is sent on its own schedule and may arrive after the reply: wait for both.)
        var all = await mail.WaitForAsync(customer.Email, 2, poke: factory.Tick);
        Assert.Equal(["Re: Parcel missing", "Welcome to Test Shop, Grace"], all.Select(m => m.Subject ?? string.Empty).Order(StringComparer.Ordinal).ToArray());
        Assert.DoesNotContain(await mail.MessagesToAsync(agent.Email), m => (m.Subject ?? string.Empty).StartsWith("Re:", StringComparison.Ordinal));

        // A second staff reply is a second mail.
        await _client.PostAsync(agent.Token, id, "It arrived, we hope?");
        await mail.WaitForAsync(customer.Email, 3, poke: factory.Tick);
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteSupportMailTests(SupportFactory factory) : SupportMailTests<SupportFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresSupportMailTests(PostgresSupportFactory factory) : SupportMailTests<PostgresSupportFactory>(factory);
