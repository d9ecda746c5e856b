using Mercato.Platform.Hosting;

namespace Mercato.Notifications;

/// <summary>Text-message settings (section <c>Notifications:Sms</c>).</summary>
internal sealed class SmsSettings
{
    /// <summary>The file provider's name.</summary>
    public const string FileProvider = "file";

    /// <summary>The Twilio provider's name.</summary>
    public const string TwilioProvider = "twilio";

    /// <summary><c>file</c> (default: each message kept as a text file under the data folder) or <c>twilio</c>.</summary>
    public string Provider { get; set; } = FileProvider;

    /// <summary>Where the file provider writes; <c>{Persistence:DataDirectory}/sms</c> when not set.</summary>
    public string? Directory { get; set; }

    /// <summary>The Twilio account messages are sent with (provider <c>twilio</c>).</summary>
    public TwilioSettings Twilio { get; set; } = new();

    /// <summary>What is wrong with these settings.</summary>
    public IEnumerable<string> Problems() => SettingRules.Failed(
        Provider is FileProvider or TwilioProvider ? null : "Notifications:Sms:Provider must be file or twilio")
        .Concat(Provider == TwilioProvider ? Twilio.Problems() : []);
}
