using Mercato.Cart.Coupons;
using Mercato.Messaging.Events;
using Mercato.Ordering.Contracts;
using Microsoft.Extensions.Logging;

namespace Mercato.Cart.OrderEvents;

/// <summary>
/// The order exists: the coupon use counted for it is confirmed, so the hold sweep keeps it
/// (<see cref="CouponRedemptions.ConfirmAsync"/>).
/// </summary>
internal sealed partial class OrderPlacedHandler(CouponRedemptions redemptions, ILogger<OrderPlacedHandler> logger) : IIntegrationEventHandler<OrderPlaced>
{
    /// <inheritdoc />
    public async Task HandleAsync(OrderPlaced integrationEvent, CancellationToken cancellationToken)
    {
        if (integrationEvent.CouponCode is null)
        {
            return;
        }

        if (await redemptions.ConfirmAsync(integrationEvent.OrderId, cancellationToken) == 0
            && !await redemptions.HeldForAsync(integrationEvent.OrderId, cancellationToken))
        {
            // Only when the event came later than the hold: the sweep already gave the use back.
            LogUseGone(logger, integrationEvent.OrderNumber, integrationEvent.OrderId, integrationEvent.CouponCode);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {Number} ({OrderId}) was placed with coupon {Code}, but its use is no longer counted")]
    private static partial void LogUseGone(ILogger logger, string number, Guid orderId, string code);
}
