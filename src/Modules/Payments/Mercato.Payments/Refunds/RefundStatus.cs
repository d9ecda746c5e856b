namespace Mercato.Payments.Refunds;

/// <summary>A refund's life: requested → sent → succeeded or failed.</summary>
internal enum RefundStatus
{
    /// <summary>Recorded and holding its amount; not yet sent to the gateway.</summary>
    Requested,

    /// <summary>Sent to the gateway; its answer is awaited.</summary>
    Sent,

    /// <summary>The gateway gave the money back.</summary>
    Succeeded,

    /// <summary>The gateway refused; the amount is free again and nothing else changed.</summary>
    Failed,
}
