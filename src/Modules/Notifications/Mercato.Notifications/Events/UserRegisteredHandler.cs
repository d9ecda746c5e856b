using Mercato.Identity.Contracts;
using Mercato.Messaging.Events;
using Mercato.Notifications.Messages;
using Mercato.Notifications.Templates;

namespace Mercato.Notifications.Events;

/// <summary>
/// A shopper created an account: they get a welcome message (in their language, when a profile
/// change told it first), and their name is kept for later messages unless a later profile change
/// already arrived.
/// </summary>
internal sealed class UserRegisteredHandler(TemplateRenderer templates, NotificationQueue queue, Customers customers)
    : IIntegrationEventHandler<UserRegistered>
{
    /// <inheritdoc />
    public async Task HandleAsync(UserRegistered integrationEvent, CancellationToken cancellationToken)
    {
        var customer = await customers.RecordAsync(integrationEvent.UserId, integrationEvent.OccurredAt, c =>
        {
            c.Email = integrationEvent.Email;
            c.FirstName = integrationEvent.FirstName;
            c.LastName = integrationEvent.LastName;
        }, cancellationToken);

        var model = templates.NewModel().WithCustomer(integrationEvent.FirstName, integrationEvent.LastName, integrationEvent.Email);
        var rendered = await templates.RenderAsync(TemplateKeys.Welcome, customer.Language, model, cancellationToken)
            ?? throw new InvalidOperationException("The welcome template is not known.");
        await queue.EmailForEventAsync(integrationEvent.Id, integrationEvent.Email, integrationEvent.UserId, rendered, cancellationToken);
    }
}
