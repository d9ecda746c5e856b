using FluentValidation;

namespace Mercato.Notifications.Api;

/// <summary>The validation rule for an optional language tag (<c>en</c>, <c>pt-BR</c>).</summary>
internal static class LanguageRule
{
    /// <summary>Fails when the value is set and is not a language tag; nulls pass.</summary>
    public static IRuleBuilderOptions<T, string?> LanguageTag<T>(this IRuleBuilder<T, string?> rule)
        => rule.Must(l => l is null || Languages.IsValid(l)).WithMessage("language must be a language tag such as en or pt-BR");
}
