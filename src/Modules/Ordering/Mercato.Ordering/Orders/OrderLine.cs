namespace Mercato.Ordering.Orders;

/// <summary>
/// One line of an order: a snapshot of the product as it was sold, so repricing, renaming or
/// deleting the product never rewrites the order.
/// </summary>
internal sealed class OrderLine
{
    /// <summary>Id (UUIDv7).</summary>
    public Guid Id { get; set; }

    /// <summary>The order.</summary>
    public Guid OrderId { get; set; }

    /// <summary>The product sold.</summary>
    public Guid ProductId { get; set; }

    /// <summary>The product's name when sold.</summary>
    public string ProductName { get; set; } = string.Empty;

    /// <summary>The product's SKU when sold.</summary>
    public string Sku { get; set; } = string.Empty;

    /// <summary>The price of one unit when sold.</summary>
    public decimal UnitPrice { get; set; }

    /// <summary>Units, at least 1.</summary>
    public int Quantity { get; set; }

    /// <summary>The share of the order's discount taken off this line.</summary>
    public decimal LineDiscount { get; set; }

    /// <summary>What this line costs: unit price × quantity − line discount.</summary>
    public decimal LineTotal { get; set; }
}
