namespace Mercato.Catalog.Stock;

/// <summary>Units of one product held for one order.</summary>
internal sealed class Reservation
{
    /// <summary>Id (UUIDv7).</summary>
    public Guid Id { get; set; }

    /// <summary>The order (one reservation line per order and product).</summary>
    public Guid OrderId { get; set; }

    /// <summary>The product.</summary>
    public Guid ProductId { get; set; }

    /// <summary>Units held.</summary>
    public int Quantity { get; set; }

    /// <summary>Where it stands.</summary>
    public ReservationStatus Status { get; set; }

    /// <summary>When an uncommitted reservation is released by itself (UTC).</summary>
    public DateTime ExpiresAt { get; set; }

    /// <summary>When it was made (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>When it last changed (UTC).</summary>
    public DateTime UpdatedAt { get; set; }
}
