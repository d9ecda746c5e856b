using System.Globalization;

namespace Mercato.Ordering.Numbers;

/// <summary>The shape of a human-facing order number: <c>ORD-YYYY-NNNNNN</c>.</summary>
internal static class OrderNumber
{
    /// <summary>The prefix every number starts with.</summary>
    public const string Prefix = "ORD-";

    /// <summary>
    /// Formats the <paramref name="sequence"/>th number of <paramref name="year"/>, zero-padded to
    /// six digits (a year past 999,999 orders simply gets longer numbers).
    /// </summary>
    public static string Format(int year, long sequence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        return string.Create(CultureInfo.InvariantCulture, $"{Prefix}{year:D4}-{sequence:D6}");
    }
}
