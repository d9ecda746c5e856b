namespace Mercato.Payments.Tests.Stripe;

/// <summary>What one of Stripe's test tokens stands for, and how Stripe treats it (https://docs.stripe.com/testing).</summary>
/// <param name="Brand">The card's brand.</param>
/// <param name="Last4">Its last four digits.</param>
/// <param name="AttachDecline">The decline code when attaching it to a customer fails (Stripe checks the card then), or null.</param>
/// <param name="ChargeDecline">The decline code when charging it fails, or null.</param>
/// <param name="RequiresAction">Whether a charge needs 3D Secure.</param>
public sealed record FakeStripeCard(string Brand, string Last4, string? AttachDecline, string? ChargeDecline, bool RequiresAction)
{
    /// <summary>Stripe's test tokens this fake knows.</summary>
    public static readonly IReadOnlyDictionary<string, FakeStripeCard> Tokens = new Dictionary<string, FakeStripeCard>(StringComparer.Ordinal)
    {
        ["tok_visa"] = new("visa", "4242", null, null, false),
        ["tok_mastercard"] = new("mastercard", "4444", null, null, false),
        ["tok_chargeDeclined"] = new("visa", "0002", "generic_decline", "generic_decline", false),
        ["tok_chargeDeclinedInsufficientFunds"] = new("visa", "9995", "insufficient_funds", "insufficient_funds", false),
        ["tok_chargeCustomerFail"] = new("visa", "0341", null, "generic_decline", false),
        ["tok_threeDSecure2Required"] = new("visa", "3155", null, null, true),
    };
}
