namespace Mercato.Catalog.Stock;

/// <summary>A product's stock figures.</summary>
/// <param name="ProductId">The product.</param>
/// <param name="OnHand">Units in the warehouse.</param>
/// <param name="Reserved">Units held for unpaid orders.</param>
internal sealed record StockFigures(Guid ProductId, int OnHand, int Reserved)
{
    /// <summary>Units a shopper can buy now.</summary>
    public int Available => Math.Max(0, OnHand - Reserved);
}

/// <summary>How an administrator's stock change ended.</summary>
internal enum StockChangeStatus
{
    /// <summary>Changed (and recorded in the ledger).</summary>
    Changed,

    /// <summary>No such product (or it was deleted).</summary>
    NotFound,

    /// <summary>On hand would fall below the reserved units.</summary>
    BelowReserved,

    /// <summary>The figures kept changing under the request; try again.</summary>
    Contended,
}

/// <summary>The outcome of an administrator's stock change.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="Figures">The figures after the change, or as they stand when it was refused (null when not found).</param>
internal sealed record StockChangeOutcome(StockChangeStatus Status, StockFigures? Figures);
