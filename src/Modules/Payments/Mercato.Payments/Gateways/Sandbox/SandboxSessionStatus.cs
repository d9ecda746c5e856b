namespace Mercato.Payments.Gateways.Sandbox;

/// <summary>Where a sandbox checkout page stands.</summary>
internal enum SandboxSessionStatus
{
    /// <summary>Can be paid.</summary>
    Open,

    /// <summary>Paid, or failed for good; the page shows its outcome.</summary>
    Complete,

    /// <summary>The shopper cancelled.</summary>
    Canceled,
}
