namespace Mercato.Notifications;

/// <summary>The SMTP server's settings (section <c>Notifications:Email:Smtp</c>).</summary>
internal sealed class SmtpSettings
{
    /// <summary>The server's host name.</summary>
    public string? Host { get; set; }

    /// <summary>Its port (default 587).</summary>
    public int Port { get; set; } = 587;

    /// <summary>
    /// <c>auto</c> (default: TLS on port 465, STARTTLS when the server offers it), <c>none</c>,
    /// <c>starttls</c> (required) or <c>tls</c> (TLS from the first byte).
    /// </summary>
    public string Security { get; set; } = "auto";

    /// <summary>The user name, when the server wants one.</summary>
    public string? Username { get; set; }

    /// <summary>The password.</summary>
    public string? Password { get; set; }

    /// <summary>How long one conversation with the server may take (default 30 seconds).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
