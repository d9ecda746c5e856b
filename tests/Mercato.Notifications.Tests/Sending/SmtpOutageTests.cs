using Mercato.Notifications.Messages;
using Mercato.Notifications.Tests.Support;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Notifications.Tests.Sending;

/// <summary>A host whose SMTP server is reached through a forwarder the test takes down and brings back.</summary>
public sealed class OutageFactory : NotificationsFactory
{
    /// <summary>Creates the host; the SMTP server is down until the test brings it up.</summary>
    public OutageFactory()
        : this(new TcpForwarder(MailServer.Host, MailServer.Port))
    {
    }

    private OutageFactory(TcpForwarder forwarder)
        : base(postgres: false, smtpPort: forwarder.Port) => Forwarder = forwarder;

    /// <summary>The way to the SMTP server.</summary>
    public TcpForwarder Forwarder { get; }

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        await Forwarder.DisposeAsync();
        await base.DisposeAsync();
    }
}

/// <summary>
/// While the SMTP server is down, messages stay queued with their attempts and the reason; once it
/// is back they are sent, each exactly once; after the last attempt a message is parked as failed
/// and an administrator can resend it.
/// </summary>
public sealed class SmtpOutageTests(OutageFactory factory) : IClassFixture<OutageFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Messages_wait_while_the_server_is_down_and_go_out_once_when_it_is_back()
    {
        using var mail = new MailServer();
        var sender = await _client.SenderTokenAsync();
        var admin = await _client.AdminTokenAsync();
        var to = $"outage-{ShopApi.Unique()}@example.com";
        var ids = new List<Guid>();
        for (var i = 1; i <= 3; i++)
        {
            using var response = await _client.CallAsync(HttpMethod.Post, "/api/v1/notifications/email", sender, new { to, subject = $"Message {i}", body = "Hello" });
            ids.Add((await response.ReadJsonAsync()).GetProperty("data").GetProperty("notificationId").GetGuid());
        }

        // Down: each message is tried once, stays queued, and says why.
        await factory.EventuallyAsync(() => factory.WithDbAsync(db => db.Notifications.Where(n => ids.Contains(n.Id)).AllAsync(n => n.Attempts == 1 && n.Status == NotificationStatus.Queued && n.LastError != null)), "the first attempts to fail");
        var waiting = await factory.WithDbAsync(db => db.Notifications.AsNoTracking().FirstAsync(n => n.Id == ids[0]));
        Assert.Contains("SMTP", waiting.LastError, StringComparison.Ordinal);
        Assert.True(waiting.NextAttemptAt > waiting.QueuedAt);
        Assert.Empty(await mail.MessagesToAsync(to));

        // Back: the next attempt (after the retry delay) sends each message once.
        factory.Forwarder.Up();
        factory.Clock.Advance(TimeSpan.FromSeconds(10));
        var received = await mail.WaitForAsync(to, 3, poke: factory.Tick);
        await factory.EventuallyAsync(() => factory.WithDbAsync(db => db.Notifications.Where(n => ids.Contains(n.Id)).AllAsync(n => n.Status == NotificationStatus.Sent && n.Attempts == 2)), "the records to be sent");
        for (var i = 0; i < 20; i++)
        {
            factory.Tick();
            await Task.Delay(20);
        }

        received = await mail.MessagesToAsync(to);
        Assert.Equal(["Message 1", "Message 2", "Message 3"], received.Select(m => m.Subject ?? string.Empty).Order(StringComparer.Ordinal).ToArray());
    }
}
