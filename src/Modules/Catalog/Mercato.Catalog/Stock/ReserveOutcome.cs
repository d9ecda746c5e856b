using Mercato.Catalog.Contracts;

namespace Mercato.Catalog.Stock;

/// <summary>How a reservation attempt ended.</summary>
internal enum ReserveStatus
{
    /// <summary>Every line is now held.</summary>
    Reserved,

    /// <summary>The order already had this reservation (a retry); nothing was held twice.</summary>
    Replayed,

    /// <summary>At least one line could not be held; nothing was held.</summary>
    Insufficient,

    /// <summary>The order already holds a reservation with other lines.</summary>
    Mismatch,
}

/// <summary>The outcome of <see cref="StockService.ReserveAsync"/>.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="Lines">The order's reservation lines (empty when nothing is held).</param>
/// <param name="Shortages">The lines that could not be held, when <see cref="ReserveStatus.Insufficient"/>.</param>
internal sealed record ReserveOutcome(ReserveStatus Status, IReadOnlyList<Reservation> Lines, IReadOnlyList<StockShortage> Shortages);
