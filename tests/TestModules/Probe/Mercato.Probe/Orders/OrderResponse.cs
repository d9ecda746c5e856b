namespace Mercato.Probe.Orders;

/// <summary>An order as the API returns it.</summary>
/// <param name="Number">The database's running number.</param>
/// <param name="Reference">Reference.</param>
/// <param name="Item">Item.</param>
/// <param name="Quantity">Quantity.</param>
/// <param name="CreatedAt">Creation time.</param>
public sealed record OrderResponse(long Number, string Reference, string Item, int Quantity, DateTimeOffset CreatedAt)
{
    /// <summary>Maps the entity.</summary>
    public static OrderResponse From(Order order) =>
        new(order.Number, order.Reference, order.Item, order.Quantity, new DateTimeOffset(order.CreatedAt, TimeSpan.Zero));
}
