using Mercato.Server.Tests.Support;
using Mercato.Testing;

namespace Mercato.Server.Tests.Startup;

/// <summary>
/// A setting the operator must fix stops the server before it serves anything: exit code 2 and one
/// line naming the setting, never a stack trace. Every case runs through the executable's entry
/// point inside the test process (<see cref="InProcessStart"/>); a few run as the real executable too.
/// </summary>
public sealed class ConfigurationErrorTests
{
    public static TheoryData<string, string, string, string[]> BadSettings() => new()
    {
        { "Persistence:Provider", "oracle", "Persistence:Provider 'oracle' is not supported", [] },
        { "Messaging:Transport", "carrier-pigeon", "Messaging:Transport 'carrier-pigeon' is not supported", [] },
        { "Auth:Issuer", "not a url", "Auth:Issuer 'not a url' is not an absolute http:// or https:// URL", [] },
        { "Services:Catalog:Url", "htp:/catalog", "Services:Catalog:Url", ["--services", "cart"] },
        { "Cart:SweepInterval", "-00:01:00", "Cart:SweepInterval must be positive", [] },
        { "Cart:SweepInterval", "soon", "Cart:SweepInterval 'soon' is not a valid duration", [] },
        { "Idempotency:LockTimeout", "-00:00:01", "Idempotency:LockTimeout must be positive", [] },
        { "Ordering:ReservationMargin", "-00:05:00", "Ordering:ReservationMargin must not be negative", [] },
        { "Ordering:DefaultCountry", "UK", "Ordering:DefaultCountry 'UK' is not an ISO 3166-1 alpha-2 country code", [] },
        { "Ordering:DefaultCountry", "gb", "Ordering:DefaultCountry 'gb' is not an ISO 3166-1 alpha-2 country code", [] },
        { "Payments:LatePayment", "keep", "Payments:LatePayment must be one of refund, revive (got 'keep')", [] },
        { "Catalog:Reservations:HoldFor", "00:00:00", "Catalog:Reservations:HoldFor must be positive", [] },
        { "Catalog:Caching:Duration", "00:00:00", "Catalog:Caching:Duration must be positive", [] },
        { "Payments:Sandbox:ResponseDelay", "-00:00:01", "Payments:Sandbox:ResponseDelay must not be negative", [] },
        { "Payments:CaptureMethod", "later", "Payments:CaptureMethod must be automatic or manual", [] },

        // Identity (IdentitySettings and the classes it holds).
        { "Identity:AccessTokenLifetime", "00:00:09", "Identity:AccessTokenLifetime must be at least 10 seconds", [] },
        { "Identity:RefreshTokenLifetime", "00:05:00", "Identity:RefreshTokenLifetime must be longer than Identity:AccessTokenLifetime", [] },
        { "Identity:Password:MinimumLength", "0", "Identity:Password:MinimumLength must be at least 1", [] },
        { "Identity:Password:MinimumCharacterClasses", "5", "Identity:Password:MinimumCharacterClasses must be between 1 and 4", [] },
        { "Identity:Password:HashIterations", "many", "Identity:Password:HashIterations 'many' is not a valid whole number", [] },
        { "Identity:Lockout:MaxFailedAttempts", "0", "Identity:Lockout:MaxFailedAttempts must be at least 1", [] },
        { "Identity:Lockout:Delay", "00:00:00", "Identity:Lockout:Delay must be at least 1 second", [] },
        { "Identity:Lockout:Duration", "00:00:30", "Identity:Lockout:Duration must be at least Identity:Lockout:Delay", [] },
        { "Identity:Admin:Email", "admin", "Identity:Admin:Email 'admin' is not an e-mail address", [] },
        { "Identity:Clients:shop:SecretHash", "secret", "Identity:Clients:shop:SecretHash must be the secret's SHA-256 as 64 hex digits", [] },
        { "Identity:SigningKeys:RotationPeriod", "-1.00:00:00", "Identity:SigningKeys:RotationPeriod must be positive", [] },
        { "Identity:SigningKeys:Algorithm", "HS256", "Identity:SigningKeys:Algorithm is not usable", [] },

        // Messaging.
        { "Messaging:Relay:BatchSize", "0", "Messaging:Relay:BatchSize must be at least 1", [] },
        { "Messaging:Relay:PollInterval", "-00:00:01", "Messaging:Relay:PollInterval must be positive", [] },
        { "Messaging:Relay:MaxAttempts", "0", "Messaging:Relay:MaxAttempts must be at least 1", [] },
        { "Messaging:RabbitMq:Uri", "http://broker", "Messaging:RabbitMq:Uri must be an amqp:// or amqps:// URI", ["--Messaging:Transport", "rabbitmq"] },
        { "Messaging:RabbitMq:ConfirmTimeout", "00:00:00", "Messaging:RabbitMq:ConfirmTimeout must be positive", ["--Messaging:Transport", "RabbitMQ"] },

        // Module clients, whether or not the module is co-hosted.
        { "Services:Catalog:Url", "ftp://catalog", "Services:Catalog:Url 'ftp://catalog' is not an absolute http:// or https:// URL", [] },
        {
            "Services:Catalog:Resilience:AttemptTimeout:Timeout", "-00:00:01", "Services:Catalog:Resilience:AttemptTimeout:Timeout must be between",
            ["--services", "cart", "--Services:Catalog:Url", "http://127.0.0.1:9", "--Auth:ServiceClient:ClientId", "cart", "--Auth:ServiceClient:ClientSecret", "secret"]
        },
        { "Services:Cart:Url", "ftp://cart", "Services:Cart:Url 'ftp://cart' is not an absolute http:// or https:// URL", ["--services", "ordering"] },

        // Payments' gateways.
        { "Payments:Stripe:Enabled", "true", "Payments:Stripe:Enabled needs Payments:Stripe:SecretKey (sk_...) and Payments:Stripe:WebhookSecret (whsec_...)", [] },
        { "Payments:DefaultGateway", "stripe", "Payments:DefaultGateway names stripe, which Payments:Stripe:Enabled does not turn on", [] },
        {
            "Payments:Stripe:WebhookSecret", "not-a-signing-secret", "Payments:Stripe:WebhookSecret must be the endpoint's signing secret (whsec_...)",
            ["--Payments:Stripe:Enabled", "true", "--Payments:Stripe:SecretKey", "sk_test_123"]
        },
        {
            "Payments:Stripe:ApiBase", "ftp://stripe", "Payments:Stripe:ApiBase 'ftp://stripe' is not an absolute http:// or https:// URL",
            ["--Payments:Stripe:Enabled", "true", "--Payments:Stripe:SecretKey", "sk_test_123", "--Payments:Stripe:WebhookSecret", "whsec_123"]
        },

        // Notifications' text messages (Twilio's settings only count when it is the provider).
        { "Notifications:Sms:Provider", "pigeon", "Notifications:Sms:Provider must be file or twilio", [] },
        {
            "Notifications:Sms:Twilio:AccountSid", "AC123", "Notifications:Sms:Twilio:AccountSid must be the account's SID (AC followed by 32 hex digits)",
            ["--Notifications:Sms:Provider", "twilio", "--Notifications:Sms:Twilio:AuthToken", "token", "--Notifications:Sms:Twilio:From", "+15005550006"]
        },
        {
            "Notifications:Sms:Twilio:From", "5550006", "Notifications:Sms:Twilio:From must be a phone number in E.164",
            ["--Notifications:Sms:Provider", "twilio", "--Notifications:Sms:Twilio:AccountSid", "AC0123456789abcdef0123456789abcdef", "--Notifications:Sms:Twilio:AuthToken", "token"]
        },
        {
            "Notifications:Sms:Twilio:MessagingServiceSid", "MG0123456789abcdef0123456789abcdef", "Notifications:Sms:Twilio needs exactly one of Notifications:Sms:Twilio:From and",
            ["--Notifications:Sms:Provider", "twilio", "--Notifications:Sms:Twilio:AccountSid", "AC0123456789abcdef0123456789abcdef", "--Notifications:Sms:Twilio:AuthToken", "token", "--Notifications:Sms:Twilio:From", "+15005550006"]
        },
        {
            "Notifications:Sms:Twilio:ApiBase", "ftp://twilio", "Notifications:Sms:Twilio:ApiBase 'ftp://twilio' is not an absolute http:// or https:// URL",
            ["--Notifications:Sms:Provider", "twilio", "--Notifications:Sms:Twilio:AccountSid", "AC0123456789abcdef0123456789abcdef", "--Notifications:Sms:Twilio:AuthToken", "token", "--Notifications:Sms:Twilio:From", "+15005550006"]
        },
        { "Notifications:Sms:Provider", "twilio", "Notifications:Sms:Twilio:AuthToken must be set when Notifications:Sms:Provider is twilio", ["--Notifications:Sms:Twilio:AccountSid", "AC0123456789abcdef0123456789abcdef", "--Notifications:Sms:Twilio:From", "+15005550006"] },

        // The executable, the gateway, persistence and rate limiting.
        { "Mercato:ShutdownTimeoutSeconds", "-1", "Mercato:ShutdownTimeoutSeconds must be at least 0", [] },
        { "Mercato:ShutdownTimeoutSeconds", "soon", "Mercato:ShutdownTimeoutSeconds 'soon' is not a valid whole number", [] },
        { "Services:things:Url", "ftp://things", "Services:things:Url 'ftp://things' is not an absolute http:// or https:// URL", ["--services", "gateway", "--Gateway:Routes:things:Prefixes:0", "/api/v1/things"] },
        { "Persistence:Postgres", "Host=db;Colour=blue", "Persistence:Postgres is not a valid PostgreSQL connection string", [] },
        { "RateLimiting:Memory:MaxPartitions", "0", "RateLimiting:Memory:MaxPartitions must be at least 1", [] },
        { "RateLimiting:Plans:Guest:Limit", "0", "RateLimiting:Plans:Guest:Limit must be at least 1", [] },
    };

    /// <summary>One case per kind of check, run as the real executable (the process boundary: exit code and standard error).</summary>
    public static TheoryData<string, string, string, string[]> BadSettingsForTheProcess() => new()
    {
        { "Persistence:Provider", "oracle", "Persistence:Provider 'oracle' is not supported", [] },
        { "Services:Catalog:Url", "htp:/catalog", "Services:Catalog:Url", ["--services", "cart"] },
        { "Identity:Admin:Email", "admin", "Identity:Admin:Email 'admin' is not an e-mail address", [] },
        { "Payments:Stripe:Enabled", "true", "Payments:Stripe:Enabled needs Payments:Stripe:SecretKey (sk_...) and Payments:Stripe:WebhookSecret (whsec_...)", [] },
        { "Mercato:ShutdownTimeoutSeconds", "soon", "Mercato:ShutdownTimeoutSeconds 'soon' is not a valid whole number", [] },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task A_bad_setting_stops_the_start_with_exit_code_2_and_one_line_naming_it(
        string key, string value, string expected, string[] arguments)
    {
        using var workDir = new TempDirectory();

        var start = await InProcessStart.RunAsync(
            ServerModules.All, ServerModules.EveryProcess, new Dictionary<string, string?> { [key] = value }, arguments,
            workDir.Combine("data"), Processes.Patience, applicationName: "Mercato.Server");

        Assert.Equal(2, start.ExitCode);
        var line = Assert.Single(start.Errors);
        Assert.StartsWith("Mercato cannot start: configuration error: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.Contains(key, line, StringComparison.Ordinal);
        Assert.False(start.ShowsAStackTrace, string.Join('\n', start.Errors.Concat(start.Logs.Select(l => l.ToString()))));
        Assert.False(Directory.Exists(workDir.Combine("data")));
    }

    [Theory]
    [MemberData(nameof(BadSettingsForTheProcess))]
    public async Task A_bad_setting_stops_the_real_executable_with_exit_code_2_and_one_line_naming_it(
        string key, string value, string expected, string[] arguments)
    {
        using var workDir = new TempDirectory();

        await using var process = await Processes.RunToExitAsync(
            RepoPaths.ServerDll, workDir, new Dictionary<string, string?> { [key] = value }, arguments);

        Assert.Equal(2, process.ExitCode);
        var line = Assert.Single(process.Output, l => l.Contains("configuration error", StringComparison.Ordinal));
        Assert.StartsWith("Mercato cannot start: configuration error: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.Contains(key, line, StringComparison.Ordinal);
        Assert.DoesNotContain(process.Output, l => l.Contains("   at ", StringComparison.Ordinal) || l.Contains("Exception", StringComparison.Ordinal));
        Assert.False(Directory.Exists(workDir.Combine("data")));
    }
}
