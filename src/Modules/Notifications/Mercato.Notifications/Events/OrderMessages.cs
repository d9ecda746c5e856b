using Mercato.Notifications.Data;
using Mercato.Notifications.Messages;
using Mercato.Notifications.Templates;
using Mercato.Ordering.Contracts;
using Microsoft.Extensions.Logging;

namespace Mercato.Notifications.Events;

/// <summary>
/// Queues the message an order event calls for: reads the order from Ordering (its contact, its
/// lines as sold, its tracking), renders the template in the customer's preferred language (the
/// shop's default for guests) and queues it for the order's contact, greeting a customer by the
/// name their account was registered with when the order has none.
/// When Ordering cannot be reached the handler throws and the event is delivered again later.
/// </summary>
internal sealed partial class OrderMessages(
    IOrderingClient orders, TemplateRenderer templates, NotificationQueue queue, NotificationsDbContext db, ILogger<OrderMessages> logger)
{
    /// <summary>Queues <paramref name="template"/> about order <paramref name="orderId"/> for event <paramref name="eventId"/>.</summary>
    public async Task QueueAsync(Guid eventId, Guid orderId, string template, Func<MessageModel, OrderDetails, MessageModel>? extra, CancellationToken cancellationToken)
    {
        var order = await orders.GetDetailsAsync(orderId, cancellationToken);
        if (order is null)
        {
            LogUnknownOrder(orderId, template);
            return;
        }

        var customer = order.UserId is { } userId ? await db.Customers.FindAsync([userId], cancellationToken) : null;
        if (order.FirstName.Length == 0 && customer is not null)
        {
            order = order with { FirstName = customer.FirstName, LastName = customer.LastName };
        }

        var model = templates.NewModel().WithOrder(order);
        model = extra?.Invoke(model, order) ?? model;
        var rendered = await templates.RenderAsync(template, customer?.Language, model, cancellationToken)
            ?? throw new InvalidOperationException($"The template '{template}' is not known.");
        await queue.EmailForEventAsync(eventId, order.ContactEmail, order.UserId, rendered, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No {Template} message: order {OrderId} does not exist")]
    private partial void LogUnknownOrder(Guid orderId, string template);
}
