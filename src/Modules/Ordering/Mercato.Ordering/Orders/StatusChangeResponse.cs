namespace Mercato.Ordering.Orders;

/// <summary>One entry of seed 004's <c>statusHistory</c>.</summary>
/// <param name="Status">The status entered.</param>
/// <param name="Timestamp">When (UTC).</param>
/// <param name="Note">The note, if any.</param>
/// <param name="TrackingNumber">The tracking number given with it, if any.</param>
/// <param name="Carrier">The carrier given with it, if any.</param>
internal sealed record StatusChangeResponse(string Status, DateTime Timestamp, string? Note, string? TrackingNumber, string? Carrier)
{
    /// <summary>The response form of a stored change.</summary>
    public static StatusChangeResponse From(OrderStatusChange c) =>
        new(OrderStatusNames.Of(c.To), c.At, c.Note, c.TrackingNumber, c.Carrier);
}
