namespace Mercato.Web.Components.Admin.Catalog;

/// <summary>An order in the overview's lists.</summary>
/// <param name="Id">Id.</param>
/// <param name="OrderNumber">ORD-YYYY-NNNNNN.</param>
/// <param name="Status">Lifecycle status.</param>
/// <param name="ItemCount">Units ordered.</param>
/// <param name="Total">Total.</param>
/// <param name="IsPaid">Paid.</param>
/// <param name="CreatedAt">Placed.</param>
internal sealed record AdminOrderSummary(Guid Id, string OrderNumber, string Status, int ItemCount, decimal Total, bool IsPaid, DateTime CreatedAt);
