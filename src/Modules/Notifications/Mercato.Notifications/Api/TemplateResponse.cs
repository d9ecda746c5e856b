using Mercato.Notifications.Templates;

namespace Mercato.Notifications.Api;

/// <summary>A template in one language as it renders now.</summary>
/// <param name="Key">The template.</param>
/// <param name="Language">The language of these parts.</param>
/// <param name="Subject">The subject, in Liquid.</param>
/// <param name="Text">The plain-text body, in Liquid.</param>
/// <param name="Html">The HTML body, in Liquid.</param>
/// <param name="IsDefault">Whether these are the shipped parts (false: an administrator's).</param>
internal sealed record TemplateResponse(string Key, string Language, string Subject, string Text, string Html, bool IsDefault)
{
    /// <summary>The response form of a source.</summary>
    public static TemplateResponse From(TemplateSource s) => new(s.Key, s.Language, s.Subject, s.Text, s.Html, s.IsDefault);
}

/// <summary>A template Mercato knows, in the list.</summary>
/// <param name="Key">Its key.</param>
/// <param name="Description">When it is sent.</param>
/// <param name="Sensitive">Whether its messages carry a secret (their bodies are never shown).</param>
/// <param name="ShippedLanguages">The languages Mercato ships it in.</param>
/// <param name="OverriddenLanguages">The languages an administrator replaced.</param>
internal sealed record TemplateSummary(string Key, string Description, bool Sensitive, IReadOnlyList<string> ShippedLanguages, IReadOnlyList<string> OverriddenLanguages);

/// <summary>A template rendered with sample data.</summary>
/// <param name="Key">The template.</param>
/// <param name="Language">The language rendered.</param>
/// <param name="Subject">The subject.</param>
/// <param name="Text">The plain-text body.</param>
/// <param name="Html">The HTML body.</param>
internal sealed record PreviewResponse(string Key, string Language, string Subject, string Text, string Html);
