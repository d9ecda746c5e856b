namespace Mercato.Payments.Gateways;

/// <summary>Where a charge stands at its provider.</summary>
internal enum ChargeState
{
    /// <summary>Started, no outcome yet.</summary>
    Pending,

    /// <summary>The shopper must complete a challenge.</summary>
    RequiresAction,

    /// <summary>Money reserved, not taken (manual capture).</summary>
    Authorized,

    /// <summary>Money taken.</summary>
    Succeeded,

    /// <summary>Declined or otherwise failed.</summary>
    Failed,

    /// <summary>Abandoned by the shopper or expired.</summary>
    Canceled,
}
