namespace Mercato.Cart.Pricing;

/// <summary>The one rounding rule of the cart: to cents, half away from zero (199.994 → 199.99, 63.9984 → 64.00).</summary>
internal static class Money
{
    /// <summary>Rounds to cents.</summary>
    public static decimal Round(decimal amount) => decimal.Round(amount, 2, MidpointRounding.AwayFromZero);
}
