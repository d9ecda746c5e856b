using Mercato.Platform.Envelope;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Logs.Export;

/// <summary>One page of an ordered query, as the seed's pagination object.</summary>
internal static class Pages
{
    /// <summary>Counts <paramref name="rows"/>, reads page <paramref name="pageNumber"/> of its <paramref name="ordered"/> form and maps it.</summary>
    public static async Task<PagedResult<TResponse>> ReadAsync<TRow, TResponse>(
        IQueryable<TRow> rows, Func<IQueryable<TRow>, IQueryable<TRow>> ordered, int? pageNumber, int? pageSize, Func<TRow, TResponse> map, CancellationToken cancellationToken)
    {
        var number = pageNumber ?? 1;
        var size = pageSize ?? PageRules.DefaultPageSize;
        var total = await rows.LongCountAsync(cancellationToken);
        var page = await ordered(rows).Skip((number - 1) * size).Take(size).ToListAsync(cancellationToken);
        return new PagedResult<TResponse>([.. page.Select(map)], number, size, total);
    }
}
