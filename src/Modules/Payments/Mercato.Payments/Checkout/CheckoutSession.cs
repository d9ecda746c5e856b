namespace Mercato.Payments.Checkout;

/// <summary>
/// A hosted checkout: the gateway's page where the shopper enters their card, for one payment,
/// until <see cref="ExpiresAt"/>. The browser comes back to Mercato's return endpoint, which sends
/// it on to the shop's success, fail or cancel URL.
/// </summary>
internal sealed class CheckoutSession
{
    /// <summary>Id (UUIDv7): the <c>sessionId</c> the API answers.</summary>
    public Guid Id { get; set; }

    /// <summary>The payment it collects.</summary>
    public Guid PaymentId { get; set; }

    /// <summary>The gateway's session id.</summary>
    public string GatewaySessionId { get; set; } = string.Empty;

    /// <summary>The gateway's page.</summary>
    public string CheckoutUrl { get; set; } = string.Empty;

    /// <summary>Where the browser goes after a successful payment, if the shop gave one.</summary>
    public string? SuccessUrl { get; set; }

    /// <summary>Where the browser goes after a cancelled payment, if the shop gave one.</summary>
    public string? CancelUrl { get; set; }

    /// <summary>Where the browser goes after a failed payment (the cancel URL when not given).</summary>
    public string? FailUrl { get; set; }

    /// <summary>Until when it can be paid (UTC).</summary>
    public DateTime ExpiresAt { get; set; }

    /// <summary>Created (UTC).</summary>
    public DateTime CreatedAt { get; set; }
}
