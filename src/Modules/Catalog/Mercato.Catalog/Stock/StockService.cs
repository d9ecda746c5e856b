using System.Runtime.ExceptionServices;
using Mercato.Catalog.Contracts;
using Mercato.Catalog.Data;
using Mercato.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mercato.Catalog.Stock;

/// <summary>
/// The stock engine. Every change is a conditional <c>UPDATE</c> (the database refuses to hold
/// more than is available, or to drop on-hand below reserved) inside one transaction together with
/// its ledger entries, so it is exact under any concurrency on SQLite and PostgreSQL. Products are
/// always touched in id order, so concurrent multi-line changes cannot deadlock.
/// </summary>
internal sealed class StockService(CatalogDbContext db, TimeProvider time, IOptions<StockOptions> options)
{
    private const int MaxSetAttempts = 10;

    /// <summary>
    /// Holds every line for the order, or nothing. A retry with the same order id and lines
    /// answers <see cref="ReserveStatus.Replayed"/> without holding anything twice (the unique
    /// index on order and product settles parallel retries).
    /// </summary>
    /// <exception cref="ArgumentException">No lines, a quantity below 1, or a hold that is not positive.</exception>
    public async Task<ReserveOutcome> ReserveAsync(ReserveStockRequest request, string? actor, CancellationToken cancellationToken)
    {
        if (request.Lines.Count == 0 || request.Lines.Any(l => l.Quantity < 1) || request.HoldFor <= TimeSpan.Zero)
        {
            throw new ArgumentException("A reservation needs at least one line, quantities of 1 or more and a positive hold.", nameof(request));
        }

        var wanted = Merge(request.Lines);
        var existing = await LinesOfAsync(request.OrderId, cancellationToken);
        if (existing.Count > 0)
        {
            return Replay(existing, wanted);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var expiresAt = now + (request.HoldFor ?? options.Value.HoldFor);
        var reason = $"order {request.OrderId}";
        var entries = new List<StockLedgerEntry>();
        DbUpdateException lostRace;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            foreach (var line in wanted)
            {
                var quantity = line.Quantity;
                var held = await db.Products
                    .Where(p => p.Id == line.ProductId && !p.IsDeleted && p.Available && p.OnHand - p.Reserved >= quantity)
                    .ExecuteUpdateAsync(
                        s => s.SetProperty(p => p.Reserved, p => p.Reserved + quantity)
                            .SetProperty(p => p.Version, p => p.Version + 1)
                            .SetProperty(p => p.UpdatedAt, now),
                        cancellationToken);
                if (held == 0)
                {
                    await transaction.RollbackAsync(cancellationToken);
                    return new ReserveOutcome(ReserveStatus.Insufficient, [], await ShortagesAsync(wanted, line.ProductId, cancellationToken));
                }

                entries.Add(await LedgerEntryAsync(line.ProductId, StockChangeKind.Reserve, 0, quantity, reason, request.OrderId, actor, now, cancellationToken));
            }

            var rows = wanted.Select(l => new Reservation
            {
                Id = Guid.CreateVersion7(time.GetUtcNow()),
                OrderId = request.OrderId,
                ProductId = l.ProductId,
                Quantity = l.Quantity,
                Status = ReservationStatus.Reserved,
                ExpiresAt = expiresAt,
                CreatedAt = now,
                UpdatedAt = now,
            }).ToList();
            db.Reservations.AddRange(rows);
            db.StockLedger.AddRange(entries);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return new ReserveOutcome(ReserveStatus.Reserved, rows, []);
            }
            catch (DbUpdateException ex)
            {
                // A parallel request for the same order won the unique index: undo ours, answer as a retry.
                lostRace = ex;
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
        }

        existing = await LinesOfAsync(request.OrderId, cancellationToken);
        if (existing.Count == 0)
        {
            // Not a lost race: let the original failure surface.
            ExceptionDispatchInfo.Throw(lostRace);
        }

        return Replay(existing, wanted);
    }

    /// <summary>Turns the order's held units into a sale: on-hand and reserved both drop. Idempotent.</summary>
    public Task<TransitionOutcome> CommitAsync(Guid orderId, string? actor, CancellationToken cancellationToken)
        => TransitionAsync(
            orderId,
            lines => lines.Any(l => l.Status is ReservationStatus.Released or ReservationStatus.Returned) ? [] : Pending(lines, StockMove.Commit),
            l => l.Status == ReservationStatus.Committed,
            $"order {orderId} committed",
            actor,
            cancellationToken);

    /// <summary>Gives the order's held units back. Idempotent; committed lines are never released.</summary>
    public Task<TransitionOutcome> ReleaseAsync(Guid orderId, string? actor, CancellationToken cancellationToken)
        => TransitionAsync(
            orderId,
            lines => lines.Any(l => l.Status is ReservationStatus.Committed or ReservationStatus.Returned) ? [] : Pending(lines, StockMove.Release),
            l => l.Status == ReservationStatus.Released,
            $"order {orderId} released",
            actor,
            cancellationToken);

    /// <summary>
    /// Gives back all the stock of a cancelled order, once: held lines are released, and lines
    /// already sold (the order was paid) come back on hand with a <see cref="StockChangeKind.Return"/>
    /// ledger entry. Each line moves by a conditional update on its status, so any number of
    /// cancellations, in parallel or repeated, give each unit back exactly once.
    /// </summary>
    public Task<TransitionOutcome> GiveBackAsync(Guid orderId, string? actor, CancellationToken cancellationToken)
        => TransitionAsync(
            orderId,
            lines => [.. Pending(lines, StockMove.Release), .. Pending(lines, StockMove.Return)],
            l => l.Status is ReservationStatus.Released or ReservationStatus.Returned,
            $"order {orderId} cancelled",
            actor,
            cancellationToken);

    /// <summary>
    /// Holds again the stock a cancelled order gave back (its late payment revives it): every
    /// released line goes back to reserved by a conditional update on its status, and its product's
    /// reserved units rise by a conditional update that never passes what is available, with a
    /// ledger entry, all in one transaction, or nothing. Lines still held from before the
    /// cancellation (the Catalog has not applied it yet: they were never released) are not
    /// touched, and the caller asks again.
    /// A retry after success answers <see cref="ReholdStatus.Held"/> and holds nothing twice.
    /// </summary>
    /// <exception cref="ArgumentException">A hold that is not positive.</exception>
    public async Task<ReholdOutcome> ReholdAsync(Guid orderId, TimeSpan holdFor, string? actor, CancellationToken cancellationToken)
    {
        if (holdFor <= TimeSpan.Zero)
        {
            throw new ArgumentException("A hold must be positive.", nameof(holdFor));
        }

        var lines = await LinesOfAsync(orderId, cancellationToken);
        if (lines.Count == 0)
        {
            return new ReholdOutcome(ReholdStatus.NotFound, lines, []);
        }

        if (lines.Any(l => l.Status is ReservationStatus.Committed or ReservationStatus.Returned))
        {
            return new ReholdOutcome(ReholdStatus.Conflict, lines, []);
        }

        if (lines.All(l => l.Status == ReservationStatus.Reserved))
        {
            return new ReholdOutcome(await ReleasedBeforeAsync(orderId, cancellationToken) ? ReholdStatus.Held : ReholdStatus.NotReleasedYet, lines, []);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var expiresAt = now + holdFor;
        var reason = $"order {orderId} re-held";
        var entries = new List<StockLedgerEntry>();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            foreach (var line in lines.Where(l => l.Status == ReservationStatus.Released))
            {
                var moved = await db.Reservations
                    .Where(r => r.Id == line.Id && r.Status == ReservationStatus.Released)
                    .ExecuteUpdateAsync(
                        s => s.SetProperty(r => r.Status, ReservationStatus.Reserved).SetProperty(r => r.ExpiresAt, expiresAt).SetProperty(r => r.UpdatedAt, now),
                        cancellationToken);
                if (moved == 0)
                {
                    // A parallel re-hold of the same order moved it first: judge again on what it did.
                    await transaction.RollbackAsync(cancellationToken);
                    return await ReholdAnsweredAsync(orderId, cancellationToken);
                }

                var quantity = line.Quantity;
                var held = await db.Products
                    .Where(p => p.Id == line.ProductId && !p.IsDeleted && p.Available && p.OnHand - p.Reserved >= quantity)
                    .ExecuteUpdateAsync(
                        s => s.SetProperty(p => p.Reserved, p => p.Reserved + quantity)
                            .SetProperty(p => p.Version, p => p.Version + 1)
                            .SetProperty(p => p.UpdatedAt, now),
                        cancellationToken);
                if (held == 0)
                {
                    await transaction.RollbackAsync(cancellationToken);
                    var wanted = lines.Select(l => new ReservationLine(l.ProductId, l.Quantity)).ToList();
                    return new ReholdOutcome(ReholdStatus.Insufficient, lines, await ShortagesAsync(wanted, line.ProductId, cancellationToken));
                }

                entries.Add(await LedgerEntryAsync(line.ProductId, StockChangeKind.Reserve, 0, quantity, reason, orderId, actor, now, cancellationToken));
            }

            db.StockLedger.AddRange(entries);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return new ReholdOutcome(ReholdStatus.Held, await LinesOfAsync(orderId, cancellationToken), []);
    }

    /// <summary>Releases every held reservation whose hold has run out; answers how many orders were released.</summary>
    public async Task<int> ReleaseExpiredAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var orders = await db.Reservations.AsNoTracking()
            .Where(r => r.Status == ReservationStatus.Reserved && r.ExpiresAt <= now)
            .Select(r => r.OrderId).Distinct().ToListAsync(cancellationToken);
        foreach (var orderId in orders)
        {
            await TransitionAsync(
                orderId,
                lines => lines.Any(l => l.Status is ReservationStatus.Committed or ReservationStatus.Returned) ? [] : Pending(lines, StockMove.Release).Where(m => m.Line.ExpiresAt <= now),
                l => l.Status != ReservationStatus.Reserved,
                "expired",
                "system",
                cancellationToken);
        }

        return orders.Count;
    }

    /// <summary>The order's reservation lines, in product order (the order every change locks products in).</summary>
    public async Task<List<Reservation>> LinesOfAsync(Guid orderId, CancellationToken cancellationToken)
    {
        var lines = await db.Reservations.AsNoTracking().Where(r => r.OrderId == orderId).ToListAsync(cancellationToken);
        return [.. lines.OrderBy(r => r.ProductId)];
    }

    /// <summary>Sets the units on hand; refused when that is below the reserved units.</summary>
    public async Task<StockChangeOutcome> SetOnHandAsync(Guid productId, int onHand, string reason, string? actor, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxSetAttempts; attempt++)
        {
            var current = await FiguresAsync(productId, cancellationToken);
            if (current is null)
            {
                return new StockChangeOutcome(StockChangeStatus.NotFound, null);
            }

            if (onHand < current.Reserved)
            {
                return new StockChangeOutcome(StockChangeStatus.BelowReserved, current);
            }

            var now = time.GetUtcNow().UtcDateTime;
            // Joins a caller's transaction (a product PUT that also sets the stock commits both or neither).
            await using var transaction = await JoinedTransaction.BeginAsync(db, cancellationToken);
            var changed = await db.Products
                .Where(p => p.Id == productId && !p.IsDeleted && p.OnHand == current.OnHand && p.Reserved <= onHand)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(p => p.OnHand, onHand)
                        .SetProperty(p => p.Version, p => p.Version + 1)
                        .SetProperty(p => p.UpdatedAt, now),
                    cancellationToken);
            if (changed == 0)
            {
                continue; // nothing was written; an owned transaction rolls back when disposed
            }

            var entry = await LedgerEntryAsync(productId, StockChangeKind.Set, onHand - current.OnHand, 0, reason, null, actor, now, cancellationToken);
            db.StockLedger.Add(entry);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new StockChangeOutcome(StockChangeStatus.Changed, new StockFigures(productId, entry.OnHandAfter, entry.ReservedAfter));
        }

        return new StockChangeOutcome(StockChangeStatus.Contended, await FiguresAsync(productId, cancellationToken));
    }

    /// <summary>Adds (positive) or removes (negative) units on hand; refused when on-hand would fall below reserved.</summary>
    public async Task<StockChangeOutcome> AdjustAsync(Guid productId, int change, string reason, string? actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changed = await db.Products
            .Where(p => p.Id == productId && !p.IsDeleted && p.OnHand + change >= p.Reserved && p.OnHand + change >= 0)
            .ExecuteUpdateAsync(
                s => s.SetProperty(p => p.OnHand, p => p.OnHand + change)
                    .SetProperty(p => p.Version, p => p.Version + 1)
                    .SetProperty(p => p.UpdatedAt, now),
                cancellationToken);
        if (changed == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            var current = await FiguresAsync(productId, cancellationToken);
            return new StockChangeOutcome(current is null ? StockChangeStatus.NotFound : StockChangeStatus.BelowReserved, current);
        }

        var entry = await LedgerEntryAsync(productId, StockChangeKind.Adjust, change, 0, reason, null, actor, now, cancellationToken);
        db.StockLedger.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new StockChangeOutcome(StockChangeStatus.Changed, new StockFigures(productId, entry.OnHandAfter, entry.ReservedAfter));
    }

    /// <summary>The product's current figures, or null when it does not exist or was deleted.</summary>
    public Task<StockFigures?> FiguresAsync(Guid productId, CancellationToken cancellationToken)
        => db.Products.AsNoTracking()
            .Where(p => p.Id == productId && !p.IsDeleted)
            .Select(p => new StockFigures(p.Id, p.OnHand, p.Reserved))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Moves the lines <paramref name="plan"/> picks from the order's current lines, each by a
    /// conditional update on its status (a line a parallel call moved first is skipped), with
    /// its product's figures and a ledger entry, in one transaction: its own, or the event
    /// handler's it runs in. <paramref name="settled"/> says which lines count as done.
    /// </summary>
    private async Task<TransitionOutcome> TransitionAsync(
        Guid orderId,
        Func<List<Reservation>, IEnumerable<(Reservation Line, StockMove Move)>> plan,
        Func<Reservation, bool> settled,
        string reason,
        string? actor,
        CancellationToken cancellationToken)
    {
        var lines = await LinesOfAsync(orderId, cancellationToken);
        if (lines.Count == 0)
        {
            return new TransitionOutcome(TransitionStatus.NotFound, lines);
        }

        var moves = plan(lines).ToList();
        if (moves.Count > 0)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var entries = new List<StockLedgerEntry>();
            await using var transaction = await JoinedTransaction.BeginAsync(db, cancellationToken);
            foreach (var (line, move) in moves)
            {
                var moved = await db.Reservations
                    .Where(r => r.Id == line.Id && r.Status == move.From)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, move.To).SetProperty(r => r.UpdatedAt, now), cancellationToken);
                if (moved == 0)
                {
                    continue; // a parallel call moved it first
                }

                var onHandChange = move.OnHandSign * line.Quantity;
                var reservedChange = move.ReservedSign * line.Quantity;
                await db.Products
                    .Where(p => p.Id == line.ProductId)
                    .ExecuteUpdateAsync(
                        s => s.SetProperty(p => p.OnHand, p => p.OnHand + onHandChange)
                            .SetProperty(p => p.Reserved, p => p.Reserved + reservedChange)
                            .SetProperty(p => p.Version, p => p.Version + 1)
                            .SetProperty(p => p.UpdatedAt, now),
                        cancellationToken);
                entries.Add(await LedgerEntryAsync(line.ProductId, move.Kind, onHandChange, reservedChange, reason, orderId, actor, now, cancellationToken));
            }

            db.StockLedger.AddRange(entries);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            lines = await LinesOfAsync(orderId, cancellationToken);
        }

        return new TransitionOutcome(lines.All(settled) ? TransitionStatus.Done : TransitionStatus.Conflict, lines);
    }

    /// <summary>
    /// Whether the order's stock was ever released: its lines held now were then held again (only a
    /// re-hold moves a released line back), not held still from before its cancellation.
    /// </summary>
    private Task<bool> ReleasedBeforeAsync(Guid orderId, CancellationToken cancellationToken)
        => db.StockLedger.AnyAsync(e => e.OrderId == orderId && e.Kind == StockChangeKind.Release, cancellationToken);

    /// <summary>How a re-hold that lost a race to a parallel one stands, once that one is over.</summary>
    private async Task<ReholdOutcome> ReholdAnsweredAsync(Guid orderId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var lines = await LinesOfAsync(orderId, cancellationToken);
        return lines.All(l => l.Status == ReservationStatus.Reserved)
            ? new ReholdOutcome(ReholdStatus.Held, lines, [])
            : new ReholdOutcome(ReholdStatus.Conflict, lines, []);
    }

    private static IEnumerable<(Reservation Line, StockMove Move)> Pending(List<Reservation> lines, StockMove move)
        => lines.Where(l => l.Status == move.From).Select(l => (l, move));

    private async Task<StockLedgerEntry> LedgerEntryAsync(
        Guid productId, StockChangeKind kind, int onHandChange, int reservedChange, string reason, Guid? orderId, string? actor, DateTime now, CancellationToken cancellationToken)
    {
        // Read inside the transaction after this transaction's own update: the row is ours until commit.
        var after = await db.Products.AsNoTracking()
            .Where(p => p.Id == productId)
            .Select(p => new { p.OnHand, p.Reserved })
            .SingleAsync(cancellationToken);
        return new StockLedgerEntry
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            ProductId = productId,
            Kind = kind,
            OnHandChange = onHandChange,
            ReservedChange = reservedChange,
            OnHandAfter = after.OnHand,
            ReservedAfter = after.Reserved,
            Reason = reason,
            OrderId = orderId,
            Actor = actor,
            CreatedAt = now,
        };
    }

    private async Task<List<StockShortage>> ShortagesAsync(List<ReservationLine> wanted, Guid failed, CancellationToken cancellationToken)
    {
        var ids = wanted.Select(l => l.ProductId).ToList();
        var available = await db.Products.AsNoTracking()
            .Where(p => ids.Contains(p.Id) && !p.IsDeleted && p.Available)
            .Select(p => new { p.Id, Units = p.OnHand - p.Reserved })
            .ToDictionaryAsync(p => p.Id, p => Math.Max(0, p.Units), cancellationToken);
        return wanted
            .Select(l => new StockShortage(l.ProductId, l.Quantity, available.GetValueOrDefault(l.ProductId)))
            .Where(s => s.AvailableStock < s.RequestedQuantity || s.ProductId == failed)
            .ToList();
    }

    private static ReserveOutcome Replay(List<Reservation> existing, List<ReservationLine> wanted)
    {
        var same = existing.Count == wanted.Count
            && existing.Zip(wanted).All(pair => pair.First.ProductId == pair.Second.ProductId && pair.First.Quantity == pair.Second.Quantity);
        return new ReserveOutcome(same ? ReserveStatus.Replayed : ReserveStatus.Mismatch, existing, []);
    }

    private static List<ReservationLine> Merge(IEnumerable<ReservationLine> lines)
        => lines.GroupBy(l => l.ProductId)
            .Select(g => new ReservationLine(g.Key, g.Sum(l => l.Quantity)))
            .OrderBy(l => l.ProductId)
            .ToList();
}
