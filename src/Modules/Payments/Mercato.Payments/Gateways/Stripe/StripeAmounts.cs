namespace Mercato.Payments.Gateways.Stripe;

/// <summary>Amounts as Stripe counts them: whole units of the currency's smallest denomination (cents; yen themselves).</summary>
internal static class StripeAmounts
{
    // Stripe's zero-decimal currencies (https://docs.stripe.com/currencies#zero-decimal).
    private static readonly HashSet<string> ZeroDecimal = new(StringComparer.OrdinalIgnoreCase)
    {
        "BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF",
    };

    /// <summary>The amount in the currency's smallest unit.</summary>
    /// <exception cref="ArgumentException">The amount has more decimals than the currency.</exception>
    public static long ToMinor(decimal amount, string currency)
    {
        var minor = amount * Factor(currency);
        return minor == decimal.Truncate(minor)
            ? (long)minor
            : throw new ArgumentException($"{amount} has more decimals than {currency} allows", nameof(amount));
    }

    /// <summary>The amount from the currency's smallest unit.</summary>
    public static decimal FromMinor(long minor, string currency) => minor / Factor(currency);

    /// <summary>Stripe's spelling of a currency (lower case).</summary>
    public static string Currency(string currency) => currency.ToLowerInvariant();

    private static decimal Factor(string currency) => ZeroDecimal.Contains(currency) ? 1m : 100m;
}
