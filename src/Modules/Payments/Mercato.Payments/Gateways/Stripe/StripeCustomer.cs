namespace Mercato.Payments.Gateways.Stripe;

/// <summary>The Stripe Customer that holds a Mercato user's saved cards (created on the first card they save).</summary>
internal sealed class StripeCustomer
{
    /// <summary>The Mercato user (one Stripe customer each).</summary>
    public Guid UserId { get; set; }

    /// <summary>Stripe's id (<c>cus_…</c>).</summary>
    public string CustomerId { get; set; } = string.Empty;

    /// <summary>When it was created (UTC).</summary>
    public DateTime CreatedAt { get; set; }
}
