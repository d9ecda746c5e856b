using System.Net.Mail;
using Mercato.Platform.Hosting;

namespace Mercato.Notifications;

/// <summary>E-mail settings (section <c>Notifications:Email</c>).</summary>
internal sealed class EmailSettings
{
    /// <summary><c>file</c> (default: each message kept as an .eml file under the data folder) or <c>smtp</c>.</summary>
    public string Transport { get; set; } = FileTransport;

    /// <summary>The sender, e.g. <c>Mercato &lt;shop@example.com&gt;</c>.</summary>
    public string From { get; set; } = "Mercato <no-reply@mercato.local>";

    /// <summary>Where the file transport writes; <c>{Persistence:DataDirectory}/mail</c> when not set.</summary>
    public string? Directory { get; set; }

    /// <summary>The SMTP server.</summary>
    public SmtpSettings Smtp { get; set; } = new();

    /// <summary>The file transport's name.</summary>
    public const string FileTransport = "file";

    /// <summary>The SMTP transport's name.</summary>
    public const string SmtpTransport = "smtp";

    /// <summary>What is wrong with these settings.</summary>
    public IEnumerable<string> Problems() => SettingRules.Failed(
        Transport is FileTransport or SmtpTransport ? null : "Notifications:Email:Transport must be file or smtp",
        MailAddress.TryCreate(From, out _) ? null : "Notifications:Email:From must be an e-mail address, optionally with a display name",
        Transport == SmtpTransport && string.IsNullOrWhiteSpace(Smtp.Host) ? "Notifications:Email:Smtp:Host must be set when the transport is smtp" : null,
        Smtp.Port is > 0 and <= 65535 ? null : "Notifications:Email:Smtp:Port must be between 1 and 65535",
        Smtp.Security is "auto" or "none" or "starttls" or "tls" ? null : "Notifications:Email:Smtp:Security must be auto, none, starttls or tls",
        string.IsNullOrEmpty(Smtp.Username) == string.IsNullOrEmpty(Smtp.Password) ? null : "Notifications:Email:Smtp:Username and Password must be set together",
        SettingRules.Positive(Smtp.Timeout, "Notifications:Email:Smtp:Timeout"));
}
