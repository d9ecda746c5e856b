namespace Mercato.Catalog.Stock;

/// <summary>
/// One way a reservation line moves, and what that does to its product: the units on hand and
/// reserved change by the line's quantity times these signs.
/// </summary>
/// <param name="From">The status the line must have.</param>
/// <param name="To">The status it gets.</param>
/// <param name="Kind">The ledger entry written.</param>
/// <param name="OnHandSign">-1, 0 or 1: how on-hand moves.</param>
/// <param name="ReservedSign">-1, 0 or 1: how reserved moves.</param>
internal sealed record StockMove(ReservationStatus From, ReservationStatus To, StockChangeKind Kind, int OnHandSign, int ReservedSign)
{
    /// <summary>Paid: held units leave the warehouse.</summary>
    public static readonly StockMove Commit = new(ReservationStatus.Reserved, ReservationStatus.Committed, StockChangeKind.Commit, -1, -1);

    /// <summary>Not bought after all: held units are free again.</summary>
    public static readonly StockMove Release = new(ReservationStatus.Reserved, ReservationStatus.Released, StockChangeKind.Release, 0, -1);

    /// <summary>Cancelled after payment: sold units come back on hand.</summary>
    public static readonly StockMove Return = new(ReservationStatus.Committed, ReservationStatus.Returned, StockChangeKind.Return, 1, 0);
}
