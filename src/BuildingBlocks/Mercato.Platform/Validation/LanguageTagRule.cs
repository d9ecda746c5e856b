using System.Text.RegularExpressions;
using FluentValidation;

namespace Mercato.Platform.Validation;

/// <summary>
/// The one rule for a language tag (<c>en</c>, <c>pt-BR</c>): a simple BCP 47 tag, a language
/// optionally followed by a region, as the Notifications' templates are kept under and as a
/// user's preferred language is stored.
/// </summary>
public static partial class LanguageTagRule
{
    /// <summary>Whether <paramref name="tag"/> is a simple BCP 47 tag: a language, optionally a region.</summary>
    public static bool IsValid(string? tag) => tag is not null && Tag().IsMatch(tag);

    /// <summary>Fails when the value is set and is not a language tag; nulls pass. <paramref name="field"/> names the field in the message.</summary>
    public static IRuleBuilderOptions<T, string?> LanguageTag<T>(this IRuleBuilder<T, string?> rule, string field = "language")
        => rule.Must(l => l is null || IsValid(l)).WithMessage($"{field} must be a language tag such as en or pt-BR");

    [GeneratedRegex("^[a-z]{2,3}(-[A-Z]{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();
}
