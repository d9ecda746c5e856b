namespace Mercato.Probe.Orders;

/// <summary>An order: each execution of the create handler adds one, numbered by the database.</summary>
public sealed class Order
{
    /// <summary>Increments with every row, so a handler that ran twice is visible.</summary>
    public long Number { get; set; }

    /// <summary>Lets a test find its own orders.</summary>
    public string Reference { get; set; } = string.Empty;

    /// <summary>What was ordered.</summary>
    public string Item { get; set; } = string.Empty;

    /// <summary>How many.</summary>
    public int Quantity { get; set; }

    /// <summary>Creation time (UTC).</summary>
    public DateTime CreatedAt { get; set; }
}
