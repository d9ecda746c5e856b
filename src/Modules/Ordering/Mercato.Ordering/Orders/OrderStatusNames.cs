namespace Mercato.Ordering.Orders;

/// <summary>Statuses as the API spells them (seed 004: lower case).</summary>
internal static class OrderStatusNames
{
    /// <summary>The API name of <paramref name="status"/>.</summary>
    public static string Of(OrderStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>The API names of every status.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Enum.GetValues<OrderStatus>().Select(Of)];
}
