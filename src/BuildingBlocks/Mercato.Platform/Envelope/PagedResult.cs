namespace Mercato.Platform.Envelope;

/// <summary>Seed 004's pagination object.</summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed record PagedResult<T>
{
    /// <summary>Creates a page; totals and flags are derived from the counts.</summary>
    public PagedResult(IReadOnlyList<T> items, int pageNumber, int pageSize, long totalCount)
    {
        Items = items;
        PageNumber = pageNumber;
        PageSize = pageSize;
        TotalCount = totalCount;
        TotalPages = pageSize <= 0 ? 0 : (int)((totalCount + pageSize - 1) / pageSize);
    }

    /// <summary>The items on this page.</summary>
    public IReadOnlyList<T> Items { get; }

    /// <summary>1-based page number.</summary>
    public int PageNumber { get; }

    /// <summary>Items per page.</summary>
    public int PageSize { get; }

    /// <summary>Number of pages.</summary>
    public int TotalPages { get; }

    /// <summary>Number of items over all pages.</summary>
    public long TotalCount { get; }

    /// <summary>Whether a previous page exists.</summary>
    public bool HasPreviousPage => PageNumber > 1;

    /// <summary>Whether a next page exists.</summary>
    public bool HasNextPage => PageNumber < TotalPages;
}
