using FluentValidation;
using Mercato.Platform.Envelope;

namespace Mercato.Platform.Validation;

/// <summary>
/// The one rule for human-readable text (names, addresses, descriptions, review text): it refuses
/// characters that hide or reorder what a reader sees or that break logs and documents: C0 controls
/// (NUL, BEL, ESC, ...), DEL, C1 controls, and the bidirectional embeddings, overrides and isolates
/// (U+202A-U+202E, U+2066-U+2069, "Trojan Source"). Line breaks and tabs are allowed only where the
/// field is free text.
/// </summary>
public static class PlainTextRule
{
    /// <summary>Refuses control and bidi-override characters; <paramref name="allowLineBreaks"/> lets <c>\n</c>, <c>\r</c> and <c>\t</c> through.</summary>
    public static IRuleBuilderOptions<T, string?> PlainText<T>(this IRuleBuilder<T, string?> rule, bool allowLineBreaks = false)
        => rule.Must(value => IsPlainText(value, allowLineBreaks))
            .WithErrorCode(ErrorCodes.ValidationError)
            .WithMessage(allowLineBreaks
                ? "'{PropertyName}' must not contain control characters (other than line breaks and tabs) or bidirectional override characters."
                : "'{PropertyName}' must not contain control characters or bidirectional override characters.");

    /// <summary>Whether <paramref name="value"/> (null counts as plain) holds none of the refused characters.</summary>
    public static bool IsPlainText(string? value, bool allowLineBreaks)
    {
        if (value is null)
        {
            return true;
        }

        foreach (var c in value)
        {
            if (IsRefused(c, allowLineBreaks))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsRefused(char c, bool allowLineBreaks) => c switch
    {
        '\n' or '\r' or '\t' => !allowLineBreaks,
        < '\u0020' => true,
        >= '\u007F' and <= '\u009F' => true,
        >= '\u202A' and <= '\u202E' => true,
        >= '\u2066' and <= '\u2069' => true,
        _ => false,
    };
}
