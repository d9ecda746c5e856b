namespace Mercato.Payments.Ledger;

/// <summary>Where a payment stands, derived from its ledger (see <see cref="PaymentLedger"/>).</summary>
internal enum PaymentStatus
{
    /// <summary>Nothing happened yet.</summary>
    Pending,

    /// <summary>The shopper must complete a challenge.</summary>
    RequiresAction,

    /// <summary>Money was reserved, not yet taken.</summary>
    Authorized,

    /// <summary>Money was taken.</summary>
    Succeeded,

    /// <summary>The last attempt failed.</summary>
    Failed,

    /// <summary>Part of the money was given back.</summary>
    PartiallyRefunded,

    /// <summary>All the money was given back.</summary>
    Refunded,

    /// <summary>Abandoned or expired before any money was taken.</summary>
    Cancelled,
}
