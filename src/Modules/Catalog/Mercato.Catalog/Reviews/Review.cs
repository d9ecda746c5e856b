namespace Mercato.Catalog.Reviews;

/// <summary>A shopper's review of a product; one per user per product.</summary>
internal sealed class Review
{
    /// <summary>Id (UUIDv7).</summary>
    public Guid Id { get; set; }

    /// <summary>The product.</summary>
    public Guid ProductId { get; set; }

    /// <summary>The author.</summary>
    public Guid UserId { get; set; }

    /// <summary>The author's name as shown (e.g. "John D.").</summary>
    public string UserName { get; set; } = string.Empty;

    /// <summary>1 to 5.</summary>
    public int Rating { get; set; }

    /// <summary>Title.</summary>
    public string Title { get; set; } = string.Empty;

    /// <summary>Text.</summary>
    public string Comment { get; set; } = string.Empty;

    /// <summary>Whether Ordering reported that the author bought the product.</summary>
    public bool VerifiedPurchase { get; set; }

    /// <summary>When it was written (UTC).</summary>
    public DateTime CreatedAt { get; set; }
}
