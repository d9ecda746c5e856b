using Mercato.Platform.Envelope;

namespace Mercato.Catalog.Stock;

/// <summary>Query of <c>GET /api/v1/products/{id}/stock/ledger</c>.</summary>
internal sealed class LedgerQuery
{
    /// <summary>The largest page.</summary>
    public const int MaxPageSize = PageRules.MaxPageSize;

    /// <summary>1-based page (default 1).</summary>
    public int? PageNumber { get; init; }

    /// <summary>Entries per page, 1-100 (default 20).</summary>
    public int? PageSize { get; init; }

    /// <summary>The errors of this query, empty when it is valid.</summary>
    public IReadOnlyList<ApiError> Validate()
    {
        var errors = new List<ApiError>();
        PageRules.Check(PageNumber, PageSize, errors);
        return errors;
    }
}

/// <summary>One stock movement.</summary>
/// <param name="Id">Entry id.</param>
/// <param name="Kind"><c>initial</c>, <c>set</c>, <c>adjust</c>, <c>reserve</c>, <c>commit</c>, <c>release</c> or <c>return</c>.</param>
/// <param name="OnHandChange">Change of units on hand.</param>
/// <param name="ReservedChange">Change of reserved units.</param>
/// <param name="OnHandAfter">Units on hand after.</param>
/// <param name="ReservedAfter">Reserved units after.</param>
/// <param name="Reason">Why.</param>
/// <param name="OrderId">The order, for reservation movements.</param>
/// <param name="Actor">Who (user id or service client).</param>
/// <param name="CreatedAt">When.</param>
internal sealed record LedgerEntryResponse(
    Guid Id, string Kind, int OnHandChange, int ReservedChange, int OnHandAfter, int ReservedAfter, string Reason, Guid? OrderId, string? Actor, DateTime CreatedAt)
{
    /// <summary>Describes <paramref name="entry"/>.</summary>
    public static LedgerEntryResponse From(StockLedgerEntry entry) => new(
        entry.Id,
        entry.Kind.ToString().ToLowerInvariant(),
        entry.OnHandChange,
        entry.ReservedChange,
        entry.OnHandAfter,
        entry.ReservedAfter,
        entry.Reason,
        entry.OrderId,
        entry.Actor,
        entry.CreatedAt);
}
