using System.Security.Cryptography;
using System.Text;
using Mercato.Notifications.Data;
using Mercato.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Notifications.Tests.Support;

/// <summary>
/// Mercato.Server hosting Identity, Catalog, Cart, Ordering and Notifications in memory (embedded
/// mode), on SQLite or PostgreSQL, sending e-mail to the test SMTP server (smtp4dev) and text
/// messages to files in a temporary folder. The modules read a fake clock: the dispatcher runs
/// when a test moves it (<see cref="Tick"/>).
/// </summary>
public class NotificationsFactory : ModuleHostFactory<Program>
{
    /// <summary>The administrator's e-mail.</summary>
    public const string AdminEmail = "admin@notifications.test";

    /// <summary>The administrator's password.</summary>
    public const string AdminPassword = "Admin-Passw0rd!";

    /// <summary>The administrators' address configured in <c>Notifications:AdminEmails</c>.</summary>
    public const string OperatorsEmail = "ops@notifications.test";

    /// <summary>A service client allowed to send messages and to record payments.</summary>
    public const string SenderClient = "mailer";

    /// <summary>A service client with another scope only (for the 403 paths).</summary>
    public const string ReportsClient = "reports";

    /// <summary>The service clients' secret.</summary>
    public const string ClientSecret = "notifications-test-secret-7Yp2";

    private readonly TempDirectory _sms = new();

    /// <summary>Creates a host on SQLite.</summary>
    public NotificationsFactory()
        : this(postgres: false)
    {
    }

    /// <summary>Creates a host on SQLite or on its own PostgreSQL databases, sending mail to <paramref name="smtpPort"/> (the test server's when null).</summary>
    protected NotificationsFactory(bool postgres, int? smtpPort = null)
        : base("identity,catalog,cart,ordering,notifications", postgres, "mercato_notifications")
    {
        Settings["Identity:Admin:Email"] = AdminEmail;
        Settings["Identity:Admin:Password"] = AdminPassword;
        Settings["Identity:Password:HashIterations"] = "1000";
        Settings["Catalog:DemoData:Enabled"] = "false";
        // The tests count a customer's mails: registration mails no verification here (the
        // account-flow tests ask for one, and the end-to-end shops verify the registration's own).
        Settings["Identity:EmailVerification:Required"] = "false";
        // Everything Mercato logs is kept, so tests can check that no secret reaches a log line.
        Settings["Logging:LogLevel:Mercato"] = "Trace";
        Settings["Notifications:ShopName"] = "Test Shop";
        Settings["Notifications:ShopUrl"] = "https://shop.example";
        Settings["Notifications:AdminEmails:0"] = OperatorsEmail;
        Settings["Notifications:Email:Transport"] = "smtp";
        Settings["Notifications:Email:From"] = "Test Shop <shop@notifications.test>";
        Settings["Notifications:Email:Smtp:Host"] = MailServer.Host;
        Settings["Notifications:Email:Smtp:Port"] = (smtpPort ?? MailServer.Port).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Settings["Notifications:Email:Smtp:Security"] = "none";
        Settings["Notifications:Email:Smtp:Timeout"] = "00:00:05";
        Settings["Notifications:Sms:Directory"] = _sms.Path;
        Settings["Notifications:DispatchInterval"] = "00:00:00.100";
        Settings["Notifications:RetryDelay"] = "00:00:10";
        Settings["Notifications:MaxAttempts"] = "3";
        var secretHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ClientSecret)));
        Settings[$"Identity:Clients:{SenderClient}:SecretHash"] = secretHash;
        Settings[$"Identity:Clients:{SenderClient}:Scopes:0"] = "notifications.send";
        Settings[$"Identity:Clients:{SenderClient}:Scopes:1"] = "ordering.payments";
        Settings[$"Identity:Clients:{ReportsClient}:SecretHash"] = secretHash;
        Settings[$"Identity:Clients:{ReportsClient}:Scopes:0"] = "ordering.read";
    }

    /// <summary>Where text messages are written.</summary>
    public string SmsDirectory => _sms.Path;

    /// <summary>
    /// Moves the clock one dispatch interval (100 ms), so the dispatcher looks for due messages.
    /// Called about as often as real time passes, it keeps the clock near the real one, which the
    /// bearer handler validates tokens against.
    /// </summary>
    public void Tick() => Clock.Advance(TimeSpan.FromMilliseconds(100));

    /// <summary>Runs <paramref name="work"/> with a fresh Notifications DbContext of its own scope.</summary>
    internal async Task<T> WithDbAsync<T>(Func<NotificationsDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<NotificationsDbContext>());
    }

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _sms.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The same host on PostgreSQL.</summary>
public sealed class PostgresNotificationsFactory() : NotificationsFactory(postgres: true);
