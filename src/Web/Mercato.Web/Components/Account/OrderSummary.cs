namespace Mercato.Web.Components.Account;

/// <summary>An order in the shopper's list (<c>GET /api/v1/orders</c>).</summary>
/// <param name="Id">Order id.</param>
/// <param name="OrderNumber">Its number.</param>
/// <param name="Status">Its status (lower case).</param>
/// <param name="ItemCount">Units ordered.</param>
/// <param name="Total">What the shopper pays.</param>
/// <param name="IsPaid">Whether it is paid.</param>
/// <param name="CreatedAt">Placed (UTC).</param>
public sealed record OrderSummary(Guid Id, string OrderNumber, string Status, int ItemCount, decimal Total, bool IsPaid, DateTime CreatedAt);
