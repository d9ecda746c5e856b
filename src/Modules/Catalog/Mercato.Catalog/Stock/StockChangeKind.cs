namespace Mercato.Catalog.Stock;

/// <summary>Why stock moved.</summary>
internal enum StockChangeKind
{
    /// <summary>Stock given when the product was created.</summary>
    Initial,

    /// <summary>An admin set the on-hand count.</summary>
    Set,

    /// <summary>An admin added or removed units.</summary>
    Adjust,

    /// <summary>Units held for an order.</summary>
    Reserve,

    /// <summary>A reservation became a sale (paid): units leave the warehouse.</summary>
    Commit,

    /// <summary>A reservation was given back (cancelled or expired).</summary>
    Release,

    /// <summary>Sold units came back on hand: the order was cancelled after it was paid.</summary>
    Return,
}
