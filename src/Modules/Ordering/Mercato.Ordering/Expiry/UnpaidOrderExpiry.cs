using Mercato.Ordering.Data;
using Mercato.Ordering.Lifecycle;
using Mercato.Ordering.Orders;
using Mercato.Platform.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mercato.Ordering.Expiry;

/// <summary>
/// Cancels pending orders whose payment window (<see cref="OrderingOptions.PaymentWindow"/>) has
/// closed, each through <see cref="OrderTransitions"/>: the cancellation publishes
/// <c>OrderCancelled</c>, so the Catalog releases the stock and the Cart gives the coupon use back.
/// A payment that lands at the same moment wins or loses on the order's version; never both. An
/// order whose money is held on the shopper's card (<see cref="Order.AuthorizedPaymentIntent"/>,
/// manual capture) is left alone until the hold is captured or released.
/// </summary>
internal sealed partial class UnpaidOrderExpiry(
    IServiceScopeFactory scopes, IOptions<OrderingOptions> options, TimeProvider time, ILogger<UnpaidOrderExpiry> logger)
    : PeriodicJob(time, logger)
{
    /// <summary>The reason recorded on expired orders.</summary>
    public const string Reason = "Payment not received in time";

    /// <summary>Who the expired orders' history names.</summary>
    public const string Actor = "system";

    private const int BatchSize = 200;

    /// <inheritdoc />
    protected override TimeSpan Interval => options.Value.ExpirySweepInterval;

    /// <inheritdoc />
    protected override string Name => "Unpaid order expiry";

    /// <inheritdoc />
    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var cancelled = await CancelExpiredAsync(cancellationToken);
        if (cancelled > 0)
        {
            LogCancelled(cancelled);
        }
    }

    /// <summary>Cancels every order unpaid past its window; returns how many it cancelled.</summary>
    public async Task<int> CancelExpiredAsync(CancellationToken cancellationToken)
    {
        var cancelled = 0;
        while (true)
        {
            var now = Time.GetUtcNow().UtcDateTime;
            List<Guid> due;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<OrderingDbContext>();
                due = await db.Orders.AsNoTracking()
                    .Where(o => o.Status == OrderStatus.Pending && o.ExpiresAt <= now && o.AuthorizedPaymentIntent == null)
                    .OrderBy(o => o.ExpiresAt)
                    .Select(o => o.Id)
                    .Take(BatchSize)
                    .ToListAsync(cancellationToken);
            }

            foreach (var id in due)
            {
                await using var scope = scopes.CreateAsyncScope();
                var transitions = scope.ServiceProvider.GetRequiredService<OrderTransitions>();
                var result = await transitions.MoveAsync(
                    id,
                    new StatusChange(OrderStatus.Cancelled, Actor, Reason),
                    order => order.Status == OrderStatus.Pending && order.ExpiresAt <= now && order.AuthorizedPaymentIntent is null ? null : "paid, authorised or changed meanwhile",
                    cancellationToken);
                if (result.Kind == TransitionKind.Moved)
                {
                    cancelled++;
                }
            }

            if (due.Count < BatchSize)
            {
                return cancelled;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cancelled {Count} orders left unpaid past their payment window")]
    private partial void LogCancelled(int count);
}
