using Mercato.Platform.Hosting;

namespace Mercato.Notifications;

/// <summary>Notifications settings (section <c>Notifications</c>).</summary>
internal sealed class NotificationsOptions : IValidatedOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Notifications";

    /// <summary>The shop's name, shown in every message (default <c>Mercato</c>).</summary>
    public string ShopName { get; set; } = "Mercato";

    /// <summary>Where shoppers open the shop, for the links in messages; <c>Auth:Issuer</c> when not set.</summary>
    public string? ShopUrl { get; set; }

    /// <summary>The language of messages when nothing names one (default <c>en</c>).</summary>
    public string DefaultLanguage { get; set; } = "en";

    /// <summary>The currency amounts are shown in (ISO 4217, default <c>USD</c>; the shop's one currency).</summary>
    public string Currency { get; set; } = "USD";

    /// <summary>
    /// Tracking pages by carrier name (case-insensitive), <c>{number}</c> standing for the tracking
    /// number; shipped messages link to them. UPS, FedEx, USPS and DHL are known by default.
    /// </summary>
    public Dictionary<string, string> TrackingUrls { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UPS"] = "https://www.ups.com/track?tracknum={number}",
        ["FedEx"] = "https://www.fedex.com/fedextrack/?trknbr={number}",
        ["USPS"] = "https://tools.usps.com/go/TrackConfirmAction?tLabels={number}",
        ["DHL"] = "https://www.dhl.com/global-en/home/tracking/tracking-express.html?tracking-id={number}",
    };

    /// <summary>How often queued messages are looked for (default 1 second).</summary>
    public TimeSpan DispatchInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Attempts before a message is parked as failed (default 6).</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>The wait after the first failed attempt; it doubles after each further one (default 30 seconds).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between two attempts (default 1 hour).</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long one attempt may hold a message before another process may try it (default 2 minutes).</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Addresses that receive the mails meant for the shop's administrators (a webhook endpoint
    /// disabled), besides the accounts Identity's <c>UserRolesChanged</c> events name as Admin.
    /// Identity's seeded first administrator raises no event, so its address belongs here.
    /// </summary>
    public List<string> AdminEmails { get; set; } = [];

    /// <summary>E-mail.</summary>
    public EmailSettings Email { get; set; } = new();

    /// <summary>Text messages.</summary>
    public SmsSettings Sms { get; set; } = new();

    /// <inheritdoc />
    public IEnumerable<string> Problems() => SettingRules.Failed(
        string.IsNullOrWhiteSpace(ShopName) || ShopName.Length > 100 ? "Notifications:ShopName must be 1 to 100 characters" : null,
        SettingRules.HttpUrl(ShopUrl, "Notifications:ShopUrl"),
        Languages.IsValid(DefaultLanguage) ? null : "Notifications:DefaultLanguage must be a language tag such as en or pt-BR",
        Currency is { Length: 3 } && Currency.All(char.IsAsciiLetterUpper) ? null : "Notifications:Currency must be an ISO 4217 code such as USD",
        TrackingUrls.Values.All(u => u.Contains("{number}", StringComparison.Ordinal) && SettingRules.HttpUrl(u.Replace("{number}", "1", StringComparison.Ordinal), "x") is null)
            ? null : "Notifications:TrackingUrls must be http(s) URLs containing {number}",
        SettingRules.Positive(DispatchInterval, "Notifications:DispatchInterval"),
        SettingRules.AtLeast(MaxAttempts, 1, "Notifications:MaxAttempts"),
        SettingRules.Positive(RetryDelay, "Notifications:RetryDelay"),
        MaxRetryDelay >= RetryDelay ? null : "Notifications:MaxRetryDelay must not be shorter than Notifications:RetryDelay",
        SettingRules.Positive(SendTimeout, "Notifications:SendTimeout"),
        AdminEmails.All(Api.SendEmailRequestValidator.BeAnAddress) ? null : "Notifications:AdminEmails must be plain e-mail addresses")
        .Concat(Email.Problems())
        .Concat(Sms.Problems());
}
