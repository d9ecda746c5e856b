using Mercato.Platform.Validation;

namespace Mercato.Notifications;

/// <summary>Language tags as templates are kept under (<c>en</c>, <c>pt-BR</c>).</summary>
internal static class Languages
{
    /// <summary>Whether <paramref name="tag"/> is a simple BCP 47 tag: a language, optionally a region (<see cref="LanguageTagRule"/>).</summary>
    public static bool IsValid(string? tag) => LanguageTagRule.IsValid(tag);
}
