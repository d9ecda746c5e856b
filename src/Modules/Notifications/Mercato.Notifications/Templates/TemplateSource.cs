namespace Mercato.Notifications.Templates;

/// <summary>The three Liquid parts of a template in one language.</summary>
/// <param name="Key">The template.</param>
/// <param name="Language">The language these parts are written in.</param>
/// <param name="Subject">The e-mail subject.</param>
/// <param name="Text">The plain-text body (and the SMS text).</param>
/// <param name="Html">The HTML body.</param>
/// <param name="IsDefault">Whether these are the shipped parts (false: an administrator's override).</param>
internal sealed record TemplateSource(string Key, string Language, string Subject, string Text, string Html, bool IsDefault);
