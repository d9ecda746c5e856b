using Mercato.Ordering.Data;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Ordering.Numbers;

/// <summary>
/// Hands out order numbers from a per-year counter row, safe under concurrency on SQLite and
/// PostgreSQL. The row is created if missing (<c>INSERT ... ON CONFLICT DO NOTHING</c>) and moved
/// with one conditional <c>UPDATE ... SET "Last" = "Last" + 1 ... RETURNING</c>: the database
/// serialises the increments (PostgreSQL's row lock re-reads the committed value, SQLite has one
/// writer at a time), so no two callers ever get the same number and none has to retry.
/// <para>
/// Called inside the transaction that inserts the order, the increment commits or rolls back with
/// it: numbers stay consecutive with no gaps, at the price of placements of the same year
/// queueing on the counter row until each commits. A "max + 1 and retry on the unique index"
/// scheme was not chosen: under a burst of checkouts most attempts would collide and retry, and
/// the retries would have to redo the whole order transaction.
/// </para>
/// </summary>
internal static class OrderNumbers
{
    /// <summary>The next number of <paramref name="year"/>, in <paramref name="db"/>'s current transaction if it has one.</summary>
    public static async Task<string> NextAsync(OrderingDbContext db, int year, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO ordering_order_number_counters ("Year", "Last") VALUES ({year}, 0) ON CONFLICT ("Year") DO NOTHING""",
            cancellationToken);
        var sequence = await db.Database.SqlQuery<long>(
                $"""UPDATE ordering_order_number_counters SET "Last" = "Last" + 1 WHERE "Year" = {year} RETURNING "Last" AS "Value" """)
            .ToListAsync(cancellationToken);
        return OrderNumber.Format(year, sequence.Single());
    }
}
