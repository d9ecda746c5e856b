using Mercato.Notifications.Tests.Support;

namespace Mercato.Notifications.Tests.Sending;

/// <summary>The notifications host sending text messages through Twilio's client library to a <see cref="FakeTwilio"/>.</summary>
public class TwilioNotificationsFactory : NotificationsFactory
{
    /// <summary>Creates a host on SQLite.</summary>
    public TwilioNotificationsFactory()
        : this(postgres: false)
    {
    }

    /// <summary>Creates a host on SQLite or PostgreSQL.</summary>
    protected TwilioNotificationsFactory(bool postgres)
        : base(postgres)
    {
        Twilio = FakeTwilio.StartAsync().GetAwaiter().GetResult();
        Settings["Notifications:Sms:Provider"] = "twilio";
        Settings["Notifications:Sms:Twilio:AccountSid"] = FakeTwilio.AccountSid;
        Settings["Notifications:Sms:Twilio:AuthToken"] = FakeTwilio.AuthToken;
        Settings["Notifications:Sms:Twilio:From"] = FakeTwilio.From;
        Settings["Notifications:Sms:Twilio:ApiBase"] = Twilio.Url;

        // Retries come after 1 s, then 2 s, 4 s...: the clock only moves as real time passes
        // (tokens are checked against it), so waits must be short.
        Settings["Notifications:RetryDelay"] = "00:00:01";
        Settings["Notifications:MaxAttempts"] = "6";
    }

    /// <summary>The fake Twilio this host talks to.</summary>
    public FakeTwilio Twilio { get; }

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Twilio.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The same host on PostgreSQL.</summary>
public sealed class PostgresTwilioNotificationsFactory() : TwilioNotificationsFactory(postgres: true);
