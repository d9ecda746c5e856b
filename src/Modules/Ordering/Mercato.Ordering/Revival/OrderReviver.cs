using Mercato.Cart.Contracts;
using Mercato.Catalog.Contracts;
using Mercato.Ordering.Contracts;
using Mercato.Ordering.Data;
using Mercato.Ordering.Expiry;
using Mercato.Ordering.Lifecycle;
using Mercato.Ordering.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mercato.Ordering.Revival;

/// <summary>
/// Revives an order that <see cref="UnpaidOrderExpiry"/> cancelled when its payment arrives late
/// (Payments asks, under its <c>Payments:LatePayment</c> policy): its stock is held again through
/// the Catalog (all lines or nothing), its coupon redeemed again through the Cart (refused: the
/// stock is released again), and only then the order moves cancelled → pending with a fresh
/// payment window and a note in its history, so the payment can mark it paid. An order cancelled
/// by its shopper or the shop stays cancelled. Every step is idempotent, so a retry after a crash
/// or a lost answer finishes the job, and an order already revived answers revived.
/// </summary>
internal sealed partial class OrderReviver(
    OrderingDbContext db,
    OrderTransitions transitions,
    ICatalogClient catalog,
    ICartClient carts,
    IOptions<OrderingOptions> options,
    TimeProvider time,
    ILogger<OrderReviver> logger)
{
    /// <summary>The note the revival leaves in the order's history.</summary>
    public const string Note = "Revived: payment arrived after the order expired";

    /// <summary>Revives order <paramref name="orderId"/> for <paramref name="actor"/>; null when there is no such order.</summary>
    public async Task<OrderRevival?> ReviveAsync(Guid orderId, string actor, CancellationToken cancellationToken)
    {
        var order = await db.Orders.AsNoTracking().Include(o => o.StatusHistory).SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken);
        if (order is null)
        {
            return null;
        }

        if (Refusal(order) is { } refusal)
        {
            return refusal;
        }

        var settings = options.Value;
        var stock = await catalog.ReholdAsync(orderId, settings.PaymentWindow + settings.ReservationMargin, cancellationToken);
        switch (stock.Status)
        {
            case ReholdStatus.Held:
                break;
            case ReholdStatus.NotReleasedYet:
                return Refused(OrderRevivalRefusals.NotReady, $"The stock of order {order.Number} is not released yet; ask again shortly");
            default:
                LogStockGone(order.Number, stock.Status);
                return Refused(OrderRevivalRefusals.StockUnavailable, $"The stock of order {order.Number} cannot be held again: it was sold meanwhile");
        }

        if (order.CouponCode is { } code)
        {
            var redemption = await carts.RedeemCouponAsync(
                new CouponRedemptionRequest(orderId, code, order.UserId, order.UserId is null ? order.ContactEmail : null), cancellationToken);
            if (!redemption.Redeemed)
            {
                await catalog.ReleaseAsync(orderId, CancellationToken.None);
                return Refused(OrderRevivalRefusals.CouponUnavailable, $"The coupon of order {order.Number} can no longer be used: {redemption.Message}");
            }
        }

        var expiresAt = time.GetUtcNow().UtcDateTime + settings.PaymentWindow;
        var result = await transitions.ReviveAsync(
            orderId, actor, Note, expiresAt, current => Refusal(current)?.Message, cancellationToken);
        return result.Kind switch
        {
            TransitionKind.Moved or TransitionKind.AlreadyDone => Revived(result.Order!),
            _ => Refusal(result.Order!) ?? Refused(OrderRevivalRefusals.NotCancelled, result.Refusal ?? "The order changed meanwhile"),
        };
    }

    /// <summary>Why the order cannot be revived as it stands (null: it can), or revived already.</summary>
    private static OrderRevival? Refusal(Order order)
    {
        if (order.Status != OrderStatus.Cancelled)
        {
            return OrderTransitions.WasRevived(order)
                ? Revived(order)
                : Refused(OrderRevivalRefusals.NotCancelled, $"Order {order.Number} is {OrderStatusNames.Of(order.Status)}, not cancelled");
        }

        var cancellation = order.StatusHistory.Where(h => h.To == OrderStatus.Cancelled).MaxBy(h => h.At);
        return cancellation is { Note: UnpaidOrderExpiry.Reason, Actor: UnpaidOrderExpiry.Actor }
            ? null
            : Refused(OrderRevivalRefusals.NotExpired, $"Order {order.Number} was cancelled by its shopper or the shop, not by expiry; that decision stands");
    }

    private static OrderRevival Revived(Order order) => new(true, null, $"Order {order.Number} waits for its payment again");

    private static OrderRevival Refused(string refusal, string message) => new(false, refusal, message);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {Number} is not revived: its stock cannot be held again ({Status})")]
    private partial void LogStockGone(string number, ReholdStatus status);
}
