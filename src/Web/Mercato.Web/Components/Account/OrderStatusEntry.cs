namespace Mercato.Web.Components.Account;

/// <summary>One entry of an order's status history.</summary>
/// <param name="Status">The status entered.</param>
/// <param name="Timestamp">When (UTC).</param>
/// <param name="Note">The note, if any.</param>
/// <param name="TrackingNumber">The tracking number given with it.</param>
/// <param name="Carrier">The carrier given with it.</param>
public sealed record OrderStatusEntry(string Status, DateTime Timestamp, string? Note, string? TrackingNumber, string? Carrier);
