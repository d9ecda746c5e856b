namespace Mercato.Ordering.Numbers;

/// <summary>The last order number handed out in a year; one row per year, moved only by <see cref="OrderNumbers"/>.</summary>
internal sealed class OrderNumberCounter
{
    /// <summary>The calendar year (UTC) the numbers belong to.</summary>
    public int Year { get; set; }

    /// <summary>The last sequence number handed out that year (0 before the first).</summary>
    public long Last { get; set; }
}
