using Mercato.Platform.Hosting;

namespace Mercato.Notifications;

/// <summary>Text-message settings (section <c>Notifications:Sms</c>).</summary>
internal sealed class SmsSettings
{
    /// <summary>The file transport's name.</summary>
    public const string FileTransport = "file";

    /// <summary><c>file</c> (default: each message kept as a text file under the data folder).</summary>
    public string Transport { get; set; } = FileTransport;

    /// <summary>Where the file transport writes; <c>{Persistence:DataDirectory}/sms</c> when not set.</summary>
    public string? Directory { get; set; }

    /// <summary>What is wrong with these settings.</summary>
    public IEnumerable<string> Problems() => SettingRules.Failed(
        Transport is FileTransport ? null : "Notifications:Sms:Transport must be file");
}
