using System.Globalization;

namespace Mercato.Web.Components.Common;

/// <summary>How the UI writes amounts: two decimals and the currency code.</summary>
public static class Money
{
    /// <summary>Formats <paramref name="amount"/> in <paramref name="currency"/>, e.g. <c>25.00 EUR</c>.</summary>
    public static string Format(decimal amount, string? currency = null) =>
        string.IsNullOrEmpty(currency)
            ? amount.ToString("0.00", CultureInfo.InvariantCulture)
            : amount.ToString("0.00", CultureInfo.InvariantCulture) + " " + currency;
}
