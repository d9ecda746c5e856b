namespace Mercato.Ordering.Orders;

/// <summary>
/// An order: a signed-in user's (<see cref="UserId"/>) or a guest's, found by the SHA-256 of the
/// cart key it was placed with (the key itself is never stored). Its lines and totals are
/// snapshots taken at checkout. <see cref="Version"/> guards concurrent status changes.
/// </summary>
internal sealed class Order
{
    /// <summary>Id (UUIDv7).</summary>
    public Guid Id { get; set; }

    /// <summary>Human-facing number, <c>ORD-YYYY-NNNNNN</c>, unique and increasing.</summary>
    public string Number { get; set; } = string.Empty;

    /// <summary>The customer, or null for a guest order.</summary>
    public Guid? UserId { get; set; }

    /// <summary>SHA-256 (hex) of the guest's cart key; null for a user's order.</summary>
    public string? GuestKeyHash { get; set; }

    /// <summary>Contact e-mail (a guest's as given; a user's account e-mail).</summary>
    public string ContactEmail { get; set; } = string.Empty;

    /// <summary>Contact first name, if given.</summary>
    public string? FirstName { get; set; }

    /// <summary>Contact last name, if given.</summary>
    public string? LastName { get; set; }

    /// <summary>Contact phone, if given.</summary>
    public string? Phone { get; set; }

    /// <summary>Where the order goes.</summary>
    public PostalAddress ShippingAddress { get; set; } = new();

    /// <summary>Where the invoice goes.</summary>
    public PostalAddress BillingAddress { get; set; } = new();

    /// <summary>Where the order is in its life.</summary>
    public OrderStatus Status { get; set; }

    /// <summary>The lines' total before discount.</summary>
    public decimal Subtotal { get; set; }

    /// <summary>The discount granted (coupon).</summary>
    public decimal Discount { get; set; }

    /// <summary>The tax charged.</summary>
    public decimal Tax { get; set; }

    /// <summary>The shipping charged.</summary>
    public decimal ShippingCost { get; set; }

    /// <summary>What the customer pays: subtotal − discount + tax + shipping.</summary>
    public decimal Total { get; set; }

    /// <summary>The coupon redeemed (upper case), if any.</summary>
    public string? CouponCode { get; set; }

    /// <summary>The customer's notes, if any.</summary>
    public string? Notes { get; set; }

    /// <summary>The saved payment method the customer chose at checkout (seed 004's <c>paymentMethodId</c>), if any; Payments charges it.</summary>
    public Guid? PaymentMethodId { get; set; }

    /// <summary>The payment provider's intent id once paid.</summary>
    public string? PaymentIntent { get; set; }

    /// <summary>
    /// The payment provider's intent id while its money is held on the shopper's card and not yet
    /// captured (manual capture): the order does not expire unpaid meanwhile. Cleared when the hold
    /// is released.
    /// </summary>
    public string? AuthorizedPaymentIntent { get; set; }

    /// <summary>When payment was confirmed (UTC).</summary>
    public DateTime? PaidAt { get; set; }

    /// <summary>An admin deleted this cancelled order: hidden from listings, kept for audit.</summary>
    public bool IsArchived { get; set; }

    /// <summary>Placed (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>Last changed (UTC).</summary>
    public DateTime UpdatedAt { get; set; }

    /// <summary>When a still pending order is cancelled for want of payment (UTC).</summary>
    public DateTime? ExpiresAt { get; set; }

    /// <summary>The cart the order was placed from.</summary>
    public Guid? CartId { get; set; }

    /// <summary>
    /// The cart's version when it was ordered. (<see cref="CartId"/>, <see cref="CartVersion"/>) is
    /// unique, so one state of a cart is ordered once even when two checkouts with different
    /// idempotency keys race.
    /// </summary>
    public long? CartVersion { get; set; }

    /// <summary>The lines.</summary>
    public List<OrderLine> Lines { get; set; } = [];

    /// <summary>Every status change, the creation first.</summary>
    public List<OrderStatusChange> StatusHistory { get; set; } = [];

    /// <summary>Optimistic concurrency token, bumped by every write.</summary>
    public long Version { get; set; }
}
