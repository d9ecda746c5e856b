namespace Mercato.Web.Components.Admin.Operations.Models;

/// <summary>A template in use for one language.</summary>
/// <param name="Key">The API's <c>key</c>.</param>
/// <param name="Language">The API's <c>language</c>.</param>
/// <param name="Subject">The API's <c>subject</c>.</param>
/// <param name="Text">The API's <c>text</c>.</param>
/// <param name="Html">The API's <c>html</c>.</param>
/// <param name="IsDefault">The API's <c>isDefault</c>.</param>
public sealed record TemplateView(
    string Key,
    string Language,
    string Subject,
    string Text,
    string Html,
    bool IsDefault);
