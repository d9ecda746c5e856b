namespace Mercato.Ordering.Contracts;

/// <summary>
/// How Ordering answered a request to revive an order whose payment arrived after it expired
/// (<see cref="IOrderingClient.ReviveAsync"/>).
/// </summary>
/// <param name="Revived">Whether the order waits for its payment again (revived now or earlier).</param>
/// <param name="Refusal">Why not, when not: one of <see cref="OrderRevivalRefusals"/>.</param>
/// <param name="Message">A sentence a person can read.</param>
public sealed record OrderRevival(bool Revived, string? Refusal, string Message)
{
    /// <summary>Whether the refusal may change if asked again shortly (the Catalog has not released the stock yet).</summary>
    public bool MayRetry => Refusal == OrderRevivalRefusals.NotReady;
}

/// <summary>Why an order is not revived (also the error codes of the service endpoint's 409).</summary>
public static class OrderRevivalRefusals
{
    /// <summary>The order is not cancelled (and was never revived).</summary>
    public const string NotCancelled = "ORDER_NOT_CANCELLED";

    /// <summary>The order was cancelled by its shopper or the shop, not by expiry: that decision stands.</summary>
    public const string NotExpired = "ORDER_NOT_EXPIRED";

    /// <summary>Its stock cannot be held again (sold to someone else meanwhile).</summary>
    public const string StockUnavailable = "INSUFFICIENT_STOCK";

    /// <summary>Its coupon can no longer be used.</summary>
    public const string CouponUnavailable = "COUPON_UNAVAILABLE";

    /// <summary>The Catalog has not released the order's stock yet; ask again shortly.</summary>
    public const string NotReady = "REVIVE_NOT_READY";
}
