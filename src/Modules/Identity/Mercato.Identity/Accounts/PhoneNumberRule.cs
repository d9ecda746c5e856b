using System.Text.RegularExpressions;
using FluentValidation;

namespace Mercato.Identity.Accounts;

/// <summary>
/// A phone number in E.164 (<c>+14155550123</c>): a plus, a country code that does not start with
/// 0, and at most 15 digits in all, without spaces or punctuation, so SMS providers take it as is.
/// </summary>
internal static partial class PhoneNumberRule
{
    /// <summary>The longest E.164 number (a plus and 15 digits).</summary>
    public const int MaxLength = 16;

    /// <summary>Fails when the value is set and is not an E.164 number; nulls pass.</summary>
    public static IRuleBuilderOptions<T, string?> E164<T>(this IRuleBuilder<T, string?> rule, string field)
        => rule.Must(p => p is null || E164Pattern().IsMatch(p))
            .WithMessage($"{field} must be a phone number in E.164 form, such as +14155550123");

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$", RegexOptions.CultureInvariant)]
    private static partial Regex E164Pattern();
}
