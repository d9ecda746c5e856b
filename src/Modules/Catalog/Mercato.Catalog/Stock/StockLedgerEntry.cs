namespace Mercato.Catalog.Stock;

/// <summary>One stock movement; the ledger of a product adds up to its current figures.</summary>
internal sealed class StockLedgerEntry
{
    /// <summary>Id (UUIDv7, so entries sort by time).</summary>
    public Guid Id { get; set; }

    /// <summary>The product.</summary>
    public Guid ProductId { get; set; }

    /// <summary>What happened.</summary>
    public StockChangeKind Kind { get; set; }

    /// <summary>Change of units on hand.</summary>
    public int OnHandChange { get; set; }

    /// <summary>Change of reserved units.</summary>
    public int ReservedChange { get; set; }

    /// <summary>Units on hand after the change.</summary>
    public int OnHandAfter { get; set; }

    /// <summary>Reserved units after the change.</summary>
    public int ReservedAfter { get; set; }

    /// <summary>Why (admin's reason, or the order).</summary>
    public string Reason { get; set; } = string.Empty;

    /// <summary>The order, for reservation movements.</summary>
    public Guid? OrderId { get; set; }

    /// <summary>Who (user id or service client id).</summary>
    public string? Actor { get; set; }

    /// <summary>When (UTC).</summary>
    public DateTime CreatedAt { get; set; }
}
