namespace Mercato.CheckoutBench;

/// <summary>A payment as the administrator's <c>GET /api/v1/payments</c> lists it after the run.</summary>
internal sealed record ServerPayment(Guid Id, Guid OrderId, string Status, decimal Captured);
