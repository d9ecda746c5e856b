namespace Mercato.Payments.Gateways.Sandbox;

/// <summary>What a sandbox test card does, as Stripe documents its test cards.</summary>
internal enum CardBehaviour
{
    /// <summary>Charges succeed (4242 4242 4242 4242 and the other brands' success cards).</summary>
    Succeeds,

    /// <summary>Declined (4000 0000 0000 0002, <c>card_declined</c>).</summary>
    Declined,

    /// <summary>Declined for insufficient funds (4000 0000 0000 9995).</summary>
    InsufficientFunds,

    /// <summary>Needs a challenge step (4000 0025 0000 3155).</summary>
    RequiresChallenge,

    /// <summary>Charges succeed, refunds fail (4000 0000 0000 5126).</summary>
    RefundFails,

    /// <summary>A real card number: the sandbox declines it, as a test mode does.</summary>
    NotATestCard,
}
