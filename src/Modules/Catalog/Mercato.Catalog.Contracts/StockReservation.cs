namespace Mercato.Catalog.Contracts;

/// <summary>One line to reserve.</summary>
/// <param name="ProductId">The product.</param>
/// <param name="Quantity">Units, at least 1.</param>
public sealed record ReservationLine(Guid ProductId, int Quantity);

/// <summary>Reserve stock for an order: all lines or none. Retrying with the same order id is safe.</summary>
/// <param name="OrderId">The order the units are held for.</param>
/// <param name="Lines">The lines.</param>
/// <param name="HoldFor">How long to hold the units before they are released by themselves; null for the catalog's default.</param>
public sealed record ReserveStockRequest(Guid OrderId, IReadOnlyList<ReservationLine> Lines, TimeSpan? HoldFor = null);

/// <summary>The outcome of a reservation.</summary>
/// <param name="Reserved">Whether every line is held.</param>
/// <param name="Shortages">When not: the lines that could not be held, with what is available.</param>
public sealed record ReserveStockResult(bool Reserved, IReadOnlyList<StockShortage> Shortages);

/// <summary>A line that could not be reserved (seed 004's stock error).</summary>
/// <param name="ProductId">The product.</param>
/// <param name="RequestedQuantity">Units asked for.</param>
/// <param name="AvailableStock">Units available.</param>
public sealed record StockShortage(Guid ProductId, int RequestedQuantity, int AvailableStock);
