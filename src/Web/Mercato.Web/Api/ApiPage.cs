namespace Mercato.Web.Api;

/// <summary>A page of a list as the API answers it (seed 004's pagination).</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Items">The items on this page.</param>
/// <param name="PageNumber">1-based page number.</param>
/// <param name="PageSize">Items per page.</param>
/// <param name="TotalPages">Number of pages.</param>
/// <param name="TotalCount">Number of items over all pages.</param>
public sealed record ApiPage<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int TotalPages, long TotalCount);
