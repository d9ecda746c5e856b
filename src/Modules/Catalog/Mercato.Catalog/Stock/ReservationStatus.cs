namespace Mercato.Catalog.Stock;

/// <summary>Where a reservation line stands.</summary>
internal enum ReservationStatus
{
    /// <summary>Units are held.</summary>
    Reserved,

    /// <summary>The order was paid; the units left stock.</summary>
    Committed,

    /// <summary>The units were given back before they were sold.</summary>
    Released,

    /// <summary>The order was cancelled after it was paid: the sold units came back to stock.</summary>
    Returned,
}
