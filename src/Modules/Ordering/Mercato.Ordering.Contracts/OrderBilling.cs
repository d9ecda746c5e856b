namespace Mercato.Ordering.Contracts;

/// <summary>What Payments needs to know about an order to take money for it.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="OrderNumber">Its human-facing number.</param>
/// <param name="UserId">The customer, or null for a guest order.</param>
/// <param name="GuestKeyHash">SHA-256 (hex) of the guest's cart key; null for a customer's order.</param>
/// <param name="ContactEmail">Who to write to about the payment.</param>
/// <param name="Status">The order's status, lower case (<c>pending</c>, <c>paid</c>, <c>cancelled</c>, ...).</param>
/// <param name="Total">What the customer pays.</param>
/// <param name="ExpiresAt">When a still pending order is cancelled for want of payment (UTC), if it is pending.</param>
/// <param name="PaymentMethodId">The saved payment method the customer chose at checkout, if any.</param>
public sealed record OrderBilling(
    Guid OrderId,
    string OrderNumber,
    Guid? UserId,
    string? GuestKeyHash,
    string ContactEmail,
    string Status,
    decimal Total,
    DateTime? ExpiresAt,
    Guid? PaymentMethodId = null)
{
    /// <summary>The status of an order that still waits for its payment.</summary>
    public const string Pending = "pending";

    /// <summary>Whether the order still waits for its payment.</summary>
    public bool IsPending => Status == Pending;
}
