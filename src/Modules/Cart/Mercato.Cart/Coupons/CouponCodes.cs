namespace Mercato.Cart.Coupons;

/// <summary>How coupon codes are written and compared: trimmed, upper case, letters, digits, '-' and '_'.</summary>
internal static class CouponCodes
{
    /// <summary>The longest code.</summary>
    public const int MaxLength = 40;

    /// <summary>The stored form of a code as typed.</summary>
    public static string Normalize(string code) => code.Trim().ToUpperInvariant();

    /// <summary>Whether a code as typed has an allowed shape.</summary>
    public static bool IsValid(string? code)
        => !string.IsNullOrWhiteSpace(code) && Normalize(code) is { Length: <= MaxLength } c && c.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_');
}
