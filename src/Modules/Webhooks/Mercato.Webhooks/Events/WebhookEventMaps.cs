using Mercato.Catalog.Contracts;
using Mercato.Identity.Contracts;
using Mercato.Messaging;
using Mercato.Messaging.Events;
using Mercato.Ordering.Contracts;
using Mercato.Payments.Contracts;
using Mercato.Support.Contracts;
using Mercato.Webhooks.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using N = Mercato.Webhooks.Events.WebhookEventNames;

namespace Mercato.Webhooks.Events;

/// <summary>The integration events Webhooks listens to and the webhook events each becomes.</summary>
internal static class WebhookEventMaps
{
    /// <summary>Subscribes the module to every mapped integration event.</summary>
    public static void AddWebhookEventHandlers(this IHostApplicationBuilder builder)
    {
        Map<OrderPlaced, OrderPlacedWebhooks>(builder, e => [new(N.OrderCreated, new OrderCreatedData(
            e.OrderId, e.OrderNumber, e.UserId, e.GuestEmail, "pending", Items(e.Lines), e.CouponCode, e.Subtotal, e.Discount, e.Tax, e.ShippingCost, e.Total))]);
        Map<OrderPaid, OrderPaidWebhooks>(builder, e => [
            new(N.OrderPaid, new OrderPaidData(e.OrderId, e.OrderNumber, e.PaymentIntentId, e.Amount)),
            new(N.OrderUpdated, new OrderUpdatedData(e.OrderId, e.OrderNumber, "paid"))]);
        Map<OrderShipped, OrderShippedWebhooks>(builder, e => [
            new(N.OrderShipped, new OrderShippedData(e.OrderId, e.OrderNumber, e.TrackingNumber, e.Carrier)),
            new(N.OrderUpdated, new OrderUpdatedData(e.OrderId, e.OrderNumber, "shipped"))]);
        Map<OrderDelivered, OrderDeliveredWebhooks>(builder, e => [
            new(N.OrderDelivered, new OrderDeliveredData(e.OrderId, e.OrderNumber, e.UserId, e.ProductIds)),
            new(N.OrderUpdated, new OrderUpdatedData(e.OrderId, e.OrderNumber, "delivered"))]);
        Map<OrderCancelled, OrderCancelledWebhooks>(builder, e => [
            new(N.OrderCancelled, new OrderCancelledData(e.OrderId, e.OrderNumber, e.Reason, e.WasPaid, Items(e.Lines))),
            new(N.OrderUpdated, new OrderUpdatedData(e.OrderId, e.OrderNumber, "cancelled"))]);
        Map<PaymentSucceeded, PaymentSucceededWebhooks>(builder, e => [new(N.PaymentSucceeded, new PaymentData(e.OrderId, e.PaymentIntentId, e.Amount, null, null, null))]);
        Map<PaymentFailed, PaymentFailedWebhooks>(builder, e => [new(N.PaymentFailed, new PaymentData(e.OrderId, e.PaymentIntentId, null, e.Reason, null, null))]);
        Map<PaymentRefunded, PaymentRefundedWebhooks>(builder, e => [new(N.PaymentRefunded, new PaymentData(e.OrderId, e.PaymentIntentId, e.Amount, null, e.RefundedTotal, e.FullyRefunded))]);
        Map<ProductCreated, ProductCreatedWebhooks>(builder, e => [new(N.ProductCreated, new ProductData(e.ProductId, e.Name, e.Sku, e.Price, null, e.CompareAtPrice, e.Available))]);
        Map<ProductUpdated, ProductUpdatedWebhooks>(builder, e => [new(N.ProductUpdated, new ProductData(e.ProductId, e.Name, e.Sku, e.Price, e.PreviousPrice, e.CompareAtPrice, e.Available))]);
        Map<ProductDeleted, ProductDeletedWebhooks>(builder, e => [new(N.ProductDeleted, new ProductData(e.ProductId, null, null, null, null, null, null))]);
        Map<UserRegistered, UserRegisteredWebhooks>(builder, e => [new(N.UserRegistered, new UserData(e.UserId, e.Email, e.Username, e.FirstName, e.LastName, null, null))]);
        Map<UserProfileChanged, UserProfileChangedWebhooks>(builder, e => [new(N.UserUpdated, new UserData(e.UserId, e.Email, null, e.FirstName, e.LastName, e.PhoneNumber, e.Language))]);
        // Internal notes never leave the shop.
        Map<SupportMessageCreated, SupportMessageCreatedWebhooks>(builder, e => e.Internal ? [] : [new(N.SupportMessageCreated, new SupportMessageData(
            e.ConversationId, e.MessageId, e.CustomerId, e.OrderId, e.Subject, e.AuthorId, e.ByStaff, e.Body))]);
    }

    private static void Map<TEvent, THandler>(IHostApplicationBuilder builder, Func<TEvent, IEnumerable<WebhookMessage>> map)
        where TEvent : IntegrationEvent
        where THandler : WebhookEventHandler<TEvent>
    {
        builder.Services.AddSingleton(new WebhookEventMap<TEvent>(map));
        builder.AddEventHandler<TEvent, THandler, WebhooksDbContext>(WebhooksModule.Name);
    }

    private static List<OrderItemData> Items(IReadOnlyList<OrderedLine> lines) => [.. lines.Select(l => new OrderItemData(l.ProductId, l.Quantity, l.UnitPrice))];
}
