namespace Mercato.Ordering.Orders;

/// <summary>An order in a list (seed 004's "Get User Orders" item).</summary>
/// <param name="Id">The order.</param>
/// <param name="OrderNumber">Its number.</param>
/// <param name="Status">Its status (lower case).</param>
/// <param name="ItemCount">Units ordered over all lines.</param>
/// <param name="Total">What the customer pays.</param>
/// <param name="IsPaid">Whether its payment was confirmed.</param>
/// <param name="CreatedAt">Placed (UTC).</param>
internal sealed record OrderSummaryResponse(Guid Id, string OrderNumber, string Status, int ItemCount, decimal Total, bool IsPaid, DateTime CreatedAt);
