using Mercato.Messaging.Events;
using Mercato.Notifications.Data;
using Mercato.Notifications.Messages;
using Mercato.Notifications.Templates;
using Mercato.Support.Contracts;

namespace Mercato.Notifications.Events;

/// <summary>
/// Staff replied in a support conversation: the customer gets the reply with a link to the
/// conversation, in their language. Customers' own messages and internal notes mail no one.
/// The customer's address comes from Identity's events; while it is not known yet (those events
/// still on their way) the handler throws and the event is delivered again later.
/// </summary>
internal sealed class SupportMessageCreatedHandler(NotificationsDbContext db, TemplateRenderer templates, NotificationQueue queue)
    : IIntegrationEventHandler<SupportMessageCreated>
{
    /// <inheritdoc />
    public async Task HandleAsync(SupportMessageCreated integrationEvent, CancellationToken cancellationToken)
    {
        if (!integrationEvent.ByStaff || integrationEvent.Internal)
        {
            return;
        }

        var customer = await db.Customers.FindAsync([integrationEvent.CustomerId], cancellationToken);
        if (customer is null || customer.Email.Length == 0)
        {
            throw new InvalidOperationException($"Customer {integrationEvent.CustomerId} is not known yet; the support reply is mailed once Identity's events arrived.");
        }

        var model = templates.NewModel()
            .WithCustomer(customer.FirstName, customer.LastName, customer.Email)
            .WithConversation(integrationEvent.ConversationId, integrationEvent.Subject, integrationEvent.Body);
        var rendered = await templates.RenderAsync(TemplateKeys.SupportReply, customer.Language, model, cancellationToken)
            ?? throw new InvalidOperationException("The support-reply template is not known.");
        await queue.EmailForEventAsync(integrationEvent.Id, customer.Email, customer.UserId, rendered, cancellationToken);
    }
}
