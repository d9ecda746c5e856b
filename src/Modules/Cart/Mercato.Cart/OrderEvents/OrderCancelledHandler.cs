using Mercato.Cart.Coupons;
using Mercato.Messaging.Events;
using Mercato.Ordering.Contracts;

namespace Mercato.Cart.OrderEvents;

/// <summary>
/// A cancelled order's coupon use is given back, once (<see cref="CouponRedemptions.ReleaseAsync"/>):
/// a redelivered event stops at the inbox, and another cancellation of the same order finds no use left.
/// </summary>
internal sealed class OrderCancelledHandler(CouponRedemptions redemptions) : IIntegrationEventHandler<OrderCancelled>
{
    /// <inheritdoc />
    public Task HandleAsync(OrderCancelled integrationEvent, CancellationToken cancellationToken)
        => redemptions.ReleaseAsync(integrationEvent.OrderId, cancellationToken);
}
