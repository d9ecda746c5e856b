using Mercato.Messaging.Outbox;
using Mercato.Ordering.Contracts;
using Mercato.Ordering.Data;
using Mercato.Ordering.Orders;
using Mercato.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Mercato.Ordering.Lifecycle;

/// <summary>
/// Moves orders through <see cref="OrderStateMachine"/>: every caller (the API, the payment
/// events, the expiry job) changes status here and nowhere else. One <c>SaveChanges</c> writes
/// the new status, its history entry and the event that tells the other modules
/// (<see cref="OrderPaid"/>, <see cref="OrderShipped"/>, <see cref="OrderDelivered"/>,
/// <see cref="OrderCancelled"/>), so a change is never kept without its event or the reverse.
/// Two changes racing for one order are serialized by its <see cref="Order.Version"/>: the loser
/// reads the order again and is judged on where it stands now (a cancel that loses to a shipment
/// is refused).
/// </summary>
internal sealed partial class OrderTransitions(OrderingDbContext db, ConcurrentWrites writes, TimeProvider clock, ILogger<OrderTransitions> logger)
{
    private const int MaxRounds = 20;

    /// <summary>
    /// Moves order <paramref name="orderId"/> as <paramref name="change"/> asks, if its status
    /// allows it and <paramref name="precondition"/> (a refusal text, or null to go on) agrees.
    /// </summary>
    public async Task<TransitionResult> MoveAsync(
        Guid orderId, StatusChange change, Func<Order, string?>? precondition, CancellationToken cancellationToken)
    {
        // A lost race (another change got there first) reads the order again and judges this one anew.
        return await writes.RetryAsync(db, async () =>
        {
            db.ChangeTracker.Clear();
            var order = await db.Orders
                .Include(o => o.Lines)
                .Include(o => o.StatusHistory)
                .AsSplitQuery()
                .SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken);
            if (order is null)
            {
                return new TransitionResult(TransitionKind.NotFound, null);
            }

            if (IsRepeat(order, change))
            {
                return new TransitionResult(TransitionKind.AlreadyDone, order);
            }

            if (precondition?.Invoke(order) is { } refusal)
            {
                return new TransitionResult(TransitionKind.Refused, order, refusal);
            }

            var wasPaid = order.PaidAt is not null;
            if (!OrderStateMachine.CanMove(order.Status, change.To, wasPaid))
            {
                return new TransitionResult(TransitionKind.Refused, order, Refusal(order, change.To, wasPaid));
            }

            if (change.To == OrderStatus.Paid && order.PaymentIntent is { } paidWith && paidWith != change.PaymentIntent)
            {
                return new TransitionResult(TransitionKind.Refused, order, $"Order {order.Number} was paid with another payment");
            }

            var from = order.Status;
            Apply(order, change);
            await db.SaveChangesAsync(cancellationToken);
            LogMoved(order.Number, from, order.Status, change.Actor);
            return new TransitionResult(TransitionKind.Moved, order);
        }, cancellationToken, MaxRounds);
    }

    /// <summary>
    /// Moves a cancelled order back to pending with a new payment deadline
    /// (<see cref="OrderStateMachine.CanRevive"/>), if <paramref name="precondition"/> agrees: the
    /// only way out of cancelled besides a refund, for a payment that arrived after the order
    /// expired. No event is published (the Catalog and the Cart were asked beforehand). An order
    /// already revived and not cancelled again answers <see cref="TransitionKind.AlreadyDone"/>.
    /// </summary>
    public async Task<TransitionResult> ReviveAsync(
        Guid orderId, string actor, string note, DateTime expiresAt, Func<Order, string?> precondition, CancellationToken cancellationToken)
        => await writes.RetryAsync(db, async () =>
        {
            db.ChangeTracker.Clear();
            var order = await db.Orders
                .Include(o => o.Lines)
                .Include(o => o.StatusHistory)
                .AsSplitQuery()
                .SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken);
            if (order is null)
            {
                return new TransitionResult(TransitionKind.NotFound, null);
            }

            if (order.Status != OrderStatus.Cancelled && WasRevived(order))
            {
                return new TransitionResult(TransitionKind.AlreadyDone, order);
            }

            if (precondition(order) is { } refusal)
            {
                return new TransitionResult(TransitionKind.Refused, order, refusal);
            }

            if (!OrderStateMachine.CanRevive(order.Status))
            {
                return new TransitionResult(TransitionKind.Refused, order, Refusal(order, OrderStatus.Pending, order.PaidAt is not null));
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var entry = new OrderStatusChange
            {
                Id = Guid.CreateVersion7(), OrderId = order.Id, From = order.Status, To = OrderStatus.Pending, At = now, Note = note, Actor = actor,
            };
            order.StatusHistory.Add(entry);
            db.OrderStatusChanges.Add(entry);
            order.Status = OrderStatus.Pending;
            order.ExpiresAt = expiresAt;
            order.UpdatedAt = now;
            order.Version++;
            await db.SaveChangesAsync(cancellationToken);
            LogMoved(order.Number, OrderStatus.Cancelled, OrderStatus.Pending, actor);
            return new TransitionResult(TransitionKind.Moved, order);
        }, cancellationToken, MaxRounds);

    /// <summary>Whether the order was ever revived (moved from cancelled back to pending).</summary>
    public static bool WasRevived(Order order)
        => order.StatusHistory.Any(h => h.From == OrderStatus.Cancelled && h.To == OrderStatus.Pending);

    /// <summary>
    /// Records <paramref name="note"/> in the order's history without changing its status (a
    /// partial refund, say), with the order changed by <paramref name="change"/> when given (which
    /// answers false when there is nothing to record, a repeat, say). Returns false when there is
    /// no such order.
    /// </summary>
    public async Task<bool> NoteAsync(Guid orderId, string note, string actor, CancellationToken cancellationToken, Func<Order, bool>? change = null)
        => await writes.RetryAsync(db, async () =>
        {
            db.ChangeTracker.Clear();
            var order = await db.Orders.SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken);
            if (order is null)
            {
                return false;
            }

            if (change is not null && !change(order))
            {
                return true;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            db.OrderStatusChanges.Add(new OrderStatusChange
            {
                Id = Guid.CreateVersion7(), OrderId = order.Id, From = order.Status, To = order.Status, At = now, Note = note, Actor = actor,
            });
            order.UpdatedAt = now;
            order.Version++;
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }, cancellationToken, MaxRounds);

    private static bool IsRepeat(Order order, StatusChange change) =>
        change.To == OrderStatus.Paid && order.PaidAt is not null && change.PaymentIntent is not null && order.PaymentIntent == change.PaymentIntent;

    private static string Refusal(Order order, OrderStatus to, bool wasPaid)
    {
        var allowed = OrderStateMachine.NextFrom(order.Status, wasPaid);
        var next = allowed.Count == 0 ? "none: it is final" : string.Join(", ", allowed.Select(OrderStatusNames.Of));
        return $"Order {order.Number} is {OrderStatusNames.Of(order.Status)} and cannot become {OrderStatusNames.Of(to)} (allowed next: {next})";
    }

    private void Apply(Order order, StatusChange change)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var entry = new OrderStatusChange
        {
            Id = Guid.CreateVersion7(),
            OrderId = order.Id,
            From = order.Status,
            To = change.To,
            At = now,
            Note = change.Note,
            Actor = change.Actor,
            TrackingNumber = change.TrackingNumber,
            Carrier = change.Carrier,
        };
        order.StatusHistory.Add(entry);
        db.OrderStatusChanges.Add(entry);
        var wasPaid = order.PaidAt is not null;
        order.Status = change.To;
        order.UpdatedAt = now;
        order.ExpiresAt = null;
        order.Version++;
        if (change.To == OrderStatus.Paid)
        {
            order.PaidAt = now;
            order.PaymentIntent = change.PaymentIntent;
        }

        if (EventFor(order, change, wasPaid) is { } integrationEvent)
        {
            db.AddIntegrationEvent(integrationEvent, OrderingModule.Name);
        }
    }

    private static Messaging.Events.IntegrationEvent? EventFor(Order order, StatusChange change, bool wasPaid) => change.To switch
    {
        OrderStatus.Paid => new OrderPaid(order.Id, order.Number, change.PaymentIntent, order.Total),
        OrderStatus.Shipped => new OrderShipped(order.Id, order.Number, change.TrackingNumber, change.Carrier),
        OrderStatus.Delivered => new OrderDelivered(order.Id, order.Number, order.UserId, [.. order.Lines.Select(l => l.ProductId).Distinct()]),
        OrderStatus.Cancelled => new OrderCancelled(
            order.Id, order.Number, change.Note ?? "Cancelled", wasPaid,
            [.. order.Lines.Select(l => new OrderedLine(l.ProductId, l.Quantity, l.UnitPrice))]),
        _ => null,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {Number} moved from {From} to {To} by {Actor}")]
    private partial void LogMoved(string number, OrderStatus from, OrderStatus to, string actor);
}
