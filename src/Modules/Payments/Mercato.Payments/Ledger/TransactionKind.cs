namespace Mercato.Payments.Ledger;

/// <summary>What a ledger entry records.</summary>
internal enum TransactionKind
{
    /// <summary>The gateway asked the shopper for an extra step (a challenge).</summary>
    ActionRequired,

    /// <summary>Money was reserved on the card (manual capture), not yet taken.</summary>
    Authorized,

    /// <summary>Money was taken.</summary>
    Captured,

    /// <summary>Money was given back.</summary>
    Refunded,

    /// <summary>The attempt failed (declined, insufficient funds, challenge failed).</summary>
    Failed,

    /// <summary>The shopper or the shop abandoned the payment, or its session expired.</summary>
    Cancelled,
}
