namespace Mercato.Catalog.Stock;

/// <summary>An order's stock reservation.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="Status"><c>reserved</c>, <c>committed</c>, <c>released</c> or <c>returned</c>.</param>
/// <param name="ExpiresAt">When held units are released by themselves.</param>
/// <param name="Lines">The lines.</param>
internal sealed record ReservationResponse(Guid OrderId, string Status, DateTime ExpiresAt, IReadOnlyList<ReservationLineResponse> Lines)
{
    /// <summary>Describes an order's reservation lines (at least one).</summary>
    public static ReservationResponse From(IReadOnlyList<Reservation> lines)
    {
        var statuses = lines.Select(l => l.Status).Distinct().ToList();
        return new ReservationResponse(
            lines[0].OrderId,
            statuses.Count == 1 ? NameOf(statuses[0]) : "mixed",
            lines.Min(l => l.ExpiresAt),
            [.. lines.Select(l => new ReservationLineResponse(l.ProductId, l.Quantity, NameOf(l.Status)))]);
    }

    /// <summary>The wire name of a status.</summary>
    public static string NameOf(ReservationStatus status) => status.ToString().ToLowerInvariant();
}

/// <summary>One line of a <see cref="ReservationResponse"/>.</summary>
/// <param name="ProductId">The product.</param>
/// <param name="Quantity">Units.</param>
/// <param name="Status"><c>reserved</c>, <c>committed</c>, <c>released</c> or <c>returned</c>.</param>
internal sealed record ReservationLineResponse(Guid ProductId, int Quantity, string Status);
