namespace Mercato.CheckoutBench;

/// <summary>An order as a shopper's <c>GET /api/v1/orders</c> lists it after the run.</summary>
internal sealed record ServerOrder(Guid Id, int Units, decimal Total, bool IsPaid);
