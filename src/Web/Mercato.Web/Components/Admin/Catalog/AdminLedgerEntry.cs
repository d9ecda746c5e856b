namespace Mercato.Web.Components.Admin.Catalog;

/// <summary>One stock movement of a product.</summary>
/// <param name="Kind">initial, set, adjust, reserve, commit, release or return.</param>
/// <param name="OnHandChange">Change of units on hand.</param>
/// <param name="ReservedChange">Change of reserved units.</param>
/// <param name="OnHandAfter">Units on hand after.</param>
/// <param name="ReservedAfter">Reserved units after.</param>
/// <param name="Reason">Why.</param>
/// <param name="OrderId">The order, for reservation movements.</param>
/// <param name="Actor">Who.</param>
/// <param name="CreatedAt">When.</param>
internal sealed record AdminLedgerEntry(
    string Kind, int OnHandChange, int ReservedChange, int OnHandAfter, int ReservedAfter, string Reason, Guid? OrderId, string? Actor, DateTime CreatedAt);
