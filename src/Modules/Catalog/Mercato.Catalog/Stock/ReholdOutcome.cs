using Mercato.Catalog.Contracts;

namespace Mercato.Catalog.Stock;

/// <summary>The outcome of <see cref="StockService.ReholdAsync"/>.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="Lines">The order's reservation lines as they stand.</param>
/// <param name="Shortages">The lines that could not be held, when <see cref="ReholdStatus.Insufficient"/>.</param>
internal sealed record ReholdOutcome(ReholdStatus Status, IReadOnlyList<Reservation> Lines, IReadOnlyList<StockShortage> Shortages);
