namespace Mercato.Catalog.Reviews;

/// <summary>Ordering reported that a user received a product: their review is a verified purchase.</summary>
internal sealed class PurchaseRecord
{
    /// <summary>The buyer.</summary>
    public Guid UserId { get; set; }

    /// <summary>The product.</summary>
    public Guid ProductId { get; set; }

    /// <summary>When it was recorded (UTC).</summary>
    public DateTime RecordedAt { get; set; }
}
