namespace Mercato.Web.Components.Admin.Operations.Models;

/// <summary>One entry of an order's status history.</summary>
/// <param name="Status">The API's <c>status</c>.</param>
/// <param name="Timestamp">The API's <c>timestamp</c>.</param>
/// <param name="Note">The API's <c>note</c>.</param>
/// <param name="TrackingNumber">The API's <c>trackingNumber</c>.</param>
/// <param name="Carrier">The API's <c>carrier</c>.</param>
public sealed record OrderStatusEntry(
    string Status,
    DateTime Timestamp,
    string? Note,
    string? TrackingNumber,
    string? Carrier);
