namespace Mercato.Web.Components.Admin.Operations.Models;

/// <summary>A template rendered with sample data.</summary>
/// <param name="Key">The API's <c>key</c>.</param>
/// <param name="Language">The API's <c>language</c>.</param>
/// <param name="Subject">The API's <c>subject</c>.</param>
/// <param name="Text">The API's <c>text</c>.</param>
/// <param name="Html">The API's <c>html</c>.</param>
public sealed record TemplatePreview(
    string Key,
    string Language,
    string Subject,
    string Text,
    string Html);
