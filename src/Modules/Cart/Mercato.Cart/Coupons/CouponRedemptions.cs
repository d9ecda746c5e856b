using System.Runtime.ExceptionServices;
using Mercato.Cart.Contracts;
using Mercato.Cart.Data;
using Mercato.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Mercato.Cart.Coupons;

/// <summary>
/// Counts coupon uses by orders, exactly, under any concurrency on SQLite and PostgreSQL. A use
/// is counted in one transaction by a conditional <c>UPDATE</c> that never passes the usage limit;
/// the per-customer limit is checked after that update, when the coupon's row is held (PostgreSQL
/// locks it until commit; SQLite runs one writer at a time), so two orders of one customer cannot
/// both take the last use. The unique index on (coupon, order) makes a retried order count once.
/// </summary>
internal sealed class CouponRedemptions(CartDbContext db, TimeProvider time)
{
    /// <summary>Counts one use of the coupon for the order, or says why not; a repeat for the same order answers redeemed again.</summary>
    /// <exception cref="ArgumentException">The order id is empty, or neither a customer id nor an e-mail is given.</exception>
    public async Task<CouponRedemptionOutcome> RedeemAsync(CouponRedemptionRequest request, CancellationToken cancellationToken)
    {
        var customer = CustomerKeys.Of(request.CustomerId, request.CustomerEmail);
        if (request.OrderId == Guid.Empty || customer is null)
        {
            throw new ArgumentException("A redemption needs an order id and a customer id or e-mail.", nameof(request));
        }

        var typed = (request.CouponCode ?? string.Empty).Trim();
        if (!CouponCodes.IsValid(typed))
        {
            return Refused(CouponRefusal.Unknown, typed, null);
        }

        var code = CouponCodes.Normalize(typed);
        DbUpdateException lostRace;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var coupon = await db.Coupons.AsNoTracking().SingleOrDefaultAsync(c => c.Code == code && !c.IsDeleted, cancellationToken);
            if (coupon is null)
            {
                return Refused(CouponRefusal.Unknown, typed, null);
            }

            // A retry of a counted order is answered as counted, whatever the coupon's state now.
            if (await CountedAsync(coupon.Id, request.OrderId, cancellationToken))
            {
                return Replayed(typed, coupon);
            }

            if (CouponRules.CheckState(coupon, time.GetUtcNow().UtcDateTime) is { } refusal)
            {
                return Refused(refusal, typed, coupon);
            }

            var taken = await db.Coupons
                .Where(c => c.Id == coupon.Id && (c.UsageLimit == null || c.TimesRedeemed < c.UsageLimit))
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.TimesRedeemed, c => c.TimesRedeemed + 1), cancellationToken);
            if (taken == 0)
            {
                // The last use went meanwhile: to this very order (a parallel retry), or to another.
                return await RollbackAsync(transaction, await CountedAsync(coupon.Id, request.OrderId, cancellationToken)
                    ? Replayed(typed, coupon)
                    : Refused(CouponRefusal.Exhausted, typed, coupon), cancellationToken);
            }

            if (await CountedAsync(coupon.Id, request.OrderId, cancellationToken))
            {
                return await RollbackAsync(transaction, Replayed(typed, coupon), cancellationToken);
            }

            if (coupon.PerCustomerLimit is { } perCustomer
                && await db.CouponRedemptions.CountAsync(r => r.CouponId == coupon.Id && r.CustomerKey == customer, cancellationToken) >= perCustomer)
            {
                return await RollbackAsync(transaction, Refused(CouponRefusal.CustomerLimitReached, typed, coupon), cancellationToken);
            }

            db.CouponRedemptions.Add(new CouponRedemption
            {
                Id = Guid.CreateVersion7(time.GetUtcNow()),
                CouponId = coupon.Id,
                OrderId = request.OrderId,
                CustomerKey = customer,
                RedeemedAt = time.GetUtcNow().UtcDateTime,
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return new CouponRedemptionOutcome(
                    new CouponRedemptionResult(true, null, $"Coupon '{coupon.Code}' redeemed for order {request.OrderId}"), typed, coupon);
            }
            catch (DbUpdateException ex)
            {
                // A parallel request for the same order won the unique index: undo ours, answer as a retry.
                lostRace = ex;
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
        }

        var counted = await db.CouponRedemptions.AsNoTracking()
            .Where(r => r.OrderId == request.OrderId)
            .Join(db.Coupons.AsNoTracking().Where(c => c.Code == code), r => r.CouponId, c => c.Id, (r, c) => c)
            .FirstOrDefaultAsync(cancellationToken);
        if (counted is null)
        {
            // Not a lost race: let the original failure surface.
            ExceptionDispatchInfo.Throw(lostRace);
        }

        return Replayed(typed, counted);
    }

    /// <summary>
    /// Gives back the uses an order counted (it was not placed, or was cancelled): its redemptions
    /// are removed and the coupons' counts lowered, in one transaction. Releasing again does nothing.
    /// </summary>
    /// <returns>How many uses were given back.</returns>
    public Task<int> ReleaseAsync(Guid orderId, CancellationToken cancellationToken)
        => GiveBackAsync(db.CouponRedemptions.Where(r => r.OrderId == orderId), cancellationToken);

    /// <summary>
    /// Confirms the uses counted for an order that now exists (Ordering's <c>OrderPlaced</c>), so
    /// the hold sweep keeps them. Confirming again changes nothing.
    /// </summary>
    /// <returns>How many held uses were confirmed now.</returns>
    public Task<int> ConfirmAsync(Guid orderId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return db.CouponRedemptions.Where(r => r.OrderId == orderId && r.ConfirmedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ConfirmedAt, now), cancellationToken);
    }

    /// <summary>Whether a use is counted for the order (held or confirmed).</summary>
    public Task<bool> HeldForAsync(Guid orderId, CancellationToken cancellationToken)
        => db.CouponRedemptions.AnyAsync(r => r.OrderId == orderId, cancellationToken);

    /// <summary>
    /// Gives back every use still unconfirmed <paramref name="hold"/> after it was counted: the
    /// order it was counted for was never written. A use confirmed meanwhile is kept.
    /// </summary>
    /// <returns>How many uses were given back.</returns>
    public Task<int> ReleaseUnconfirmedAsync(TimeSpan hold, CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow().UtcDateTime - hold;
        return GiveBackAsync(db.CouponRedemptions.Where(r => r.ConfirmedAt == null && r.RedeemedAt < before), cancellationToken);
    }

    /// <summary>
    /// Removes the redemptions <paramref name="rows"/> selects and lowers their coupons' counts, in
    /// one transaction (its own, or the event handler's it runs in). Each row is removed by a delete
    /// that repeats the selection, and only the call whose delete removes it gives its use back, so
    /// parallel or repeated calls count once and a use confirmed meanwhile is not removed by the sweep.
    /// </summary>
    private async Task<int> GiveBackAsync(IQueryable<CouponRedemption> rows, CancellationToken cancellationToken)
    {
        await using var transaction = await JoinedTransaction.BeginAsync(db, cancellationToken);
        var redemptions = await rows.AsNoTracking().ToListAsync(cancellationToken);
        var released = 0;
        foreach (var redemption in redemptions)
        {
            if (await rows.Where(r => r.Id == redemption.Id).ExecuteDeleteAsync(cancellationToken) == 1)
            {
                await db.Coupons.Where(c => c.Id == redemption.CouponId && c.TimesRedeemed > 0)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.TimesRedeemed, c => c.TimesRedeemed - 1), cancellationToken);
                released++;
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return released;
    }

    private Task<bool> CountedAsync(Guid couponId, Guid orderId, CancellationToken cancellationToken)
        => db.CouponRedemptions.AnyAsync(r => r.CouponId == couponId && r.OrderId == orderId, cancellationToken);

    private static async Task<CouponRedemptionOutcome> RollbackAsync(
        IDbContextTransaction transaction, CouponRedemptionOutcome outcome, CancellationToken cancellationToken)
    {
        await transaction.RollbackAsync(cancellationToken);
        return outcome;
    }

    private static CouponRedemptionOutcome Replayed(string typed, Coupon coupon)
        => new(new CouponRedemptionResult(true, null, $"Coupon '{coupon.Code}' was already redeemed for this order"), typed, coupon);

    private static CouponRedemptionOutcome Refused(CouponRefusal refusal, string typed, Coupon? coupon)
        => new(new CouponRedemptionResult(false, refusal, CouponRules.Describe(refusal, typed, coupon)), typed, coupon);
}
