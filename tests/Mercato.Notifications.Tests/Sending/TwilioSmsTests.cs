using System.Net;
using System.Text.Json;
using Mercato.Notifications.Tests.Support;
using Mercato.Notifications.Messages;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Notifications.Tests.Sending;

/// <summary>
/// Text messages through Twilio (<c>Notifications:Sms:Provider</c> <c>twilio</c>): the real Twilio
/// client library calls a local fake of Twilio's API. Accepted messages keep Twilio's SID; a
/// number Twilio refuses parks the message at once; an outage, throttling or a refused token is
/// retried with a growing wait, and the message goes out once when Twilio answers again.
/// </summary>
public abstract class TwilioSmsTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : TwilioNotificationsFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task An_sms_reaches_twilio_from_the_configured_number_and_the_record_keeps_twilios_sid()
    {
        var text = "Your order ORD-2026-000100 has been shipped! " + ShopApi.Unique();
        var id = await SendAsync("+14155550100", text);

        var admin = await _client.AdminTokenAsync();
        await factory.EventuallyAsync(async () => (await RecordAsync(id, admin)).GetProperty("status").GetString() == "sent", "the SMS to be sent");
        var accepted = Assert.Single(factory.Twilio.Accepted, m => m.Body == text);
        Assert.Equal(("+14155550100", FakeTwilio.From, null), (accepted.To, accepted.From, accepted.MessagingServiceSid));
        var record = await RecordAsync(id, admin);
        Assert.StartsWith("SM", accepted.Sid, StringComparison.Ordinal);
        Assert.Equal((accepted.Sid, 1), (record.GetProperty("providerMessageId").GetString(), record.GetProperty("attempts").GetInt32()));
    }

    [Fact]
    public async Task A_number_twilio_refuses_parks_the_message_as_failed_after_one_attempt()
    {
        var id = await SendAsync(FakeTwilio.InvalidNumber, "Your code is ready " + ShopApi.Unique());

        var admin = await _client.AdminTokenAsync();
        await factory.EventuallyAsync(async () => (await RecordAsync(id, admin)).GetProperty("status").GetString() == "failed", "the SMS to be parked");
        var record = await RecordAsync(id, admin);
        Assert.Equal(1, record.GetProperty("attempts").GetInt32());
        Assert.Equal("Twilio answered 400 (error 21211, https://www.twilio.com/docs/errors/21211)", record.GetProperty("error").GetString());

        // Past the first retries' waits (1 s, then 2 s) it has not been tried again.
        var requests = factory.Twilio.RequestsTo(FakeTwilio.InvalidNumber);
        for (var i = 0; i < 40; i++)
        {
            factory.Tick();
            await Task.Delay(100);
        }

        Assert.Equal(1, requests);
        Assert.Equal(requests, factory.Twilio.RequestsTo(FakeTwilio.InvalidNumber));

        Assert.Equal((1, "failed"), ((await RecordAsync(id, admin)).GetProperty("attempts").GetInt32(), (await RecordAsync(id, admin)).GetProperty("status").GetString()));
    }

    [Theory]
    [InlineData(503, 20500)]
    [InlineData(429, 20429)]
    public async Task An_outage_is_retried_with_a_growing_wait_and_the_message_goes_out_once_twilio_answers(int status, int code)
    {
        var admin = await _client.AdminTokenAsync();
        var text = "Back soon " + ShopApi.Unique();
        factory.Twilio.Outage = status;
        try
        {
            var id = await SendAsync("+14155550101", text);
            var first = await FailedAttemptAsync(id, 1);
            Assert.Contains($"Twilio answered {status} (error {code}, ", first.LastError, StringComparison.Ordinal);
            var second = await FailedAttemptAsync(id, 2);
            Assert.Contains($"Twilio answered {status} (error {code}, ", second.LastError, StringComparison.Ordinal);
            Assert.Equal((TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)), (first.NextAttemptAt - first.UpdatedAt, second.NextAttemptAt - second.UpdatedAt));
            Assert.DoesNotContain(factory.Twilio.Accepted, m => m.Body == text);

            factory.Twilio.Outage = null;
            await factory.EventuallyAsync(async () => (await RecordAsync(id, admin)).GetProperty("status").GetString() == "sent", "the SMS to be sent");
            Assert.Single(factory.Twilio.Accepted, m => m.Body == text);
            Assert.Equal(3, (await RecordAsync(id, admin)).GetProperty("attempts").GetInt32());
        }
        finally
        {
            factory.Twilio.Outage = null;
        }
    }

    [Fact]
    public async Task A_refused_auth_token_is_retried_not_parked_and_the_token_never_reaches_the_record()
    {
        var admin = await _client.AdminTokenAsync();
        var text = "Token test " + ShopApi.Unique();
        factory.Twilio.ExpectedAuthToken = "rotated-token";
        try
        {
            var id = await SendAsync("+14155550102", text);
            Assert.Contains("Twilio answered 401 (error 20003, ", (await FailedAttemptAsync(id, 1)).LastError, StringComparison.Ordinal);
            Assert.DoesNotContain(FakeTwilio.AuthToken, (await RecordAsync(id, admin)).GetRawText(), StringComparison.Ordinal);

            factory.Twilio.ExpectedAuthToken = FakeTwilio.AuthToken;
            await factory.EventuallyAsync(async () => (await RecordAsync(id, admin)).GetProperty("status").GetString() == "sent", "the SMS to be sent");
            Assert.Single(factory.Twilio.Accepted, m => m.Body == text);
            Assert.DoesNotContain(factory.Logs.Entries, e => e.Message.Contains(FakeTwilio.AuthToken, StringComparison.Ordinal));
        }
        finally
        {
            factory.Twilio.ExpectedAuthToken = FakeTwilio.AuthToken;
        }
    }

    /// <summary>The stored record as it stands once attempt <paramref name="attempts"/> failed and it waits for the next.</summary>
    private async Task<Notification> FailedAttemptAsync(Guid id, int attempts)
    {
        Notification? found = null;
        await factory.EventuallyAsync(
            async () => (found = await factory.WithDbAsync(db => db.Notifications.AsNoTracking()
                .SingleOrDefaultAsync(n => n.Id == id && n.Attempts == attempts && n.Status == NotificationStatus.Queued))) is not null,
            $"attempt {attempts} to fail");
        return found!;
    }

    private async Task<Guid> SendAsync(string to, string message)
    {
        var sender = await _client.SenderTokenAsync();
        using var response = await _client.CallAsync(HttpMethod.Post, "/api/v1/notifications/sms", sender, new { to, message });
        await response.ExpectAsync(HttpStatusCode.Accepted);
        return (await response.ReadJsonAsync()).GetProperty("data").GetProperty("notificationId").GetGuid();
    }

    private async Task<JsonElement> RecordAsync(Guid id, string token)
    {
        using var response = await _client.CallAsync(HttpMethod.Get, $"/api/v1/notifications/{id}", token);
        await response.ExpectAsync(HttpStatusCode.OK);
        return (await response.ReadJsonAsync()).GetProperty("data");
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteTwilioSmsTests(TwilioNotificationsFactory factory) : TwilioSmsTests<TwilioNotificationsFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresTwilioSmsTests(PostgresTwilioNotificationsFactory factory) : TwilioSmsTests<PostgresTwilioNotificationsFactory>(factory);
