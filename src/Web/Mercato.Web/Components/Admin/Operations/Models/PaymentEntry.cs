namespace Mercato.Web.Components.Admin.Operations.Models;

/// <summary>One entry of a payment's ledger.</summary>
/// <param name="Kind">The API's <c>kind</c>.</param>
/// <param name="Amount">The API's <c>amount</c>.</param>
/// <param name="GatewayReference">The API's <c>gatewayReference</c>.</param>
/// <param name="Reason">The API's <c>reason</c>.</param>
/// <param name="At">The API's <c>at</c>.</param>
public sealed record PaymentEntry(
    string Kind,
    decimal Amount,
    string? GatewayReference,
    string? Reason,
    DateTime At);
