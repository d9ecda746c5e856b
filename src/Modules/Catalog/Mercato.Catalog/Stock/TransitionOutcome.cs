namespace Mercato.Catalog.Stock;

/// <summary>How a commit or release ended.</summary>
internal enum TransitionStatus
{
    /// <summary>Every line of the order is in the asked state (now or already).</summary>
    Done,

    /// <summary>The order holds no reservation.</summary>
    NotFound,

    /// <summary>A line is in the opposite final state (a committed line is never released, a released one never committed).</summary>
    Conflict,
}

/// <summary>The outcome of <see cref="StockService.CommitAsync"/> or <see cref="StockService.ReleaseAsync"/>.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="Lines">The order's reservation lines as they stand.</param>
internal sealed record TransitionOutcome(TransitionStatus Status, IReadOnlyList<Reservation> Lines);
