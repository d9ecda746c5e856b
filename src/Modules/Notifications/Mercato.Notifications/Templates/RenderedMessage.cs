namespace Mercato.Notifications.Templates;

/// <summary>A template rendered for one message.</summary>
/// <param name="Template">The template's key.</param>
/// <param name="Language">The language it was rendered in.</param>
/// <param name="Subject">The subject (one line).</param>
/// <param name="Text">The plain-text body.</param>
/// <param name="Html">The HTML body.</param>
/// <param name="Sensitive">Whether the body carries a secret.</param>
internal sealed record RenderedMessage(string Template, string Language, string Subject, string Text, string Html, bool Sensitive);
