using System.Text.RegularExpressions;
using Mercato.Platform.Hosting;

namespace Mercato.Notifications;

/// <summary>Twilio's Programmable Messaging (section <c>Notifications:Sms:Twilio</c>).</summary>
internal sealed partial class TwilioSettings
{
    /// <summary>Twilio's API.</summary>
    public const string DefaultApiBase = "https://api.twilio.com";

    /// <summary>The account's SID (<c>AC</c> and 32 hex digits).</summary>
    public string? AccountSid { get; set; }

    /// <summary>The account's auth token.</summary>
    public string? AuthToken { get; set; }

    /// <summary>The sending number (E.164); or set <see cref="MessagingServiceSid"/>.</summary>
    public string? From { get; set; }

    /// <summary>The Messaging Service that picks the sender (<c>MG</c> and 32 hex digits); or set <see cref="From"/>.</summary>
    public string? MessagingServiceSid { get; set; }

    /// <summary>Where Twilio's API is (default <c>https://api.twilio.com</c>; another base for a test double or a proxy).</summary>
    public string ApiBase { get; set; } = DefaultApiBase;

    /// <summary>What is wrong with these settings.</summary>
    public IEnumerable<string> Problems() => SettingRules.Failed(
        AccountSid is not null && AccountSidPattern().IsMatch(AccountSid) ? null : "Notifications:Sms:Twilio:AccountSid must be the account's SID (AC followed by 32 hex digits)",
        string.IsNullOrWhiteSpace(AuthToken) ? "Notifications:Sms:Twilio:AuthToken must be set when Notifications:Sms:Provider is twilio" : null,
        string.IsNullOrWhiteSpace(From) == string.IsNullOrWhiteSpace(MessagingServiceSid)
            ? "Notifications:Sms:Twilio needs exactly one of Notifications:Sms:Twilio:From and Notifications:Sms:Twilio:MessagingServiceSid" : null,
        string.IsNullOrWhiteSpace(From) || PhoneNumbers.IsE164(From) ? null : "Notifications:Sms:Twilio:From must be a phone number in E.164 (+14155550100)",
        string.IsNullOrWhiteSpace(MessagingServiceSid) || ServiceSidPattern().IsMatch(MessagingServiceSid) ? null : "Notifications:Sms:Twilio:MessagingServiceSid must be MG followed by 32 hex digits",
        SettingRules.HttpUrl(ApiBase, "Notifications:Sms:Twilio:ApiBase", required: true));

    [GeneratedRegex("^AC[0-9a-fA-F]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex AccountSidPattern();

    [GeneratedRegex("^MG[0-9a-fA-F]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex ServiceSidPattern();
}
