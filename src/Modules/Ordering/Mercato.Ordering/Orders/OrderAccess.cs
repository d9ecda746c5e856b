using Mercato.Ordering.Data;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Ordering.Orders;

/// <summary>
/// Finds one order for a caller, with its lines and history: the owner, the guest holding the
/// cart key it was placed with, or an administrator. For anyone else the order does not exist
/// (the endpoints answer 404, so ids of other customers' orders reveal nothing).
/// </summary>
internal sealed class OrderAccess(OrderingDbContext db)
{
    /// <summary>The order, read-only, or null when it does not exist for <paramref name="caller"/>.</summary>
    public Task<Order?> FindAsync(OrderCaller caller, Guid id, CancellationToken cancellationToken)
        => caller.Visible(db.Orders.AsNoTracking())
            .Include(o => o.Lines)
            .Include(o => o.StatusHistory)
            .AsSplitQuery()
            .SingleOrDefaultAsync(o => o.Id == id, cancellationToken);

    /// <summary>Any order by id, read-only, for other services and background work.</summary>
    public Task<Order?> FindAnyAsync(Guid id, CancellationToken cancellationToken)
        => db.Orders.AsNoTracking()
            .Include(o => o.Lines)
            .Include(o => o.StatusHistory)
            .AsSplitQuery()
            .SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
}
