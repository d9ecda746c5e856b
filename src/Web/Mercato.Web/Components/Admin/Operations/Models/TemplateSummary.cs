namespace Mercato.Web.Components.Admin.Operations.Models;

/// <summary>A template key with its languages.</summary>
/// <param name="Key">The API's <c>key</c>.</param>
/// <param name="Description">The API's <c>description</c>.</param>
/// <param name="Sensitive">The API's <c>sensitive</c>.</param>
/// <param name="ShippedLanguages">The API's <c>shippedLanguages</c>.</param>
/// <param name="OverriddenLanguages">The API's <c>overriddenLanguages</c>.</param>
public sealed record TemplateSummary(
    string Key,
    string Description,
    bool Sensitive,
    IReadOnlyList<string> ShippedLanguages,
    IReadOnlyList<string> OverriddenLanguages);
