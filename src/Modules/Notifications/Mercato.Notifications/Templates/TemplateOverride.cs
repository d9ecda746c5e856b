namespace Mercato.Notifications.Templates;

/// <summary>An administrator's version of a template in one language, used instead of the shipped default.</summary>
internal sealed class TemplateOverride
{
    /// <summary>The template (<c>order-shipped</c>).</summary>
    public string Key { get; set; } = string.Empty;

    /// <summary>Its language (<c>en</c>).</summary>
    public string Language { get; set; } = string.Empty;

    /// <summary>The e-mail subject, in Liquid.</summary>
    public string Subject { get; set; } = string.Empty;

    /// <summary>The plain-text body (and the SMS text), in Liquid.</summary>
    public string Text { get; set; } = string.Empty;

    /// <summary>The HTML body, in Liquid; values are HTML-encoded as they are written.</summary>
    public string Html { get; set; } = string.Empty;

    /// <summary>Who saved it last.</summary>
    public string UpdatedBy { get; set; } = string.Empty;

    /// <summary>When it was saved last (UTC).</summary>
    public DateTime UpdatedAt { get; set; }
}
