using Mercato.Identity.Contracts;
using Mercato.Messaging.Events;
using Mercato.Notifications.Messages;
using Mercato.Notifications.Templates;

namespace Mercato.Notifications.Events;

/// <summary>A shopper created an account: they get a welcome message.</summary>
internal sealed class UserRegisteredHandler(TemplateRenderer templates, NotificationQueue queue) : IIntegrationEventHandler<UserRegistered>
{
    /// <inheritdoc />
    public async Task HandleAsync(UserRegistered integrationEvent, CancellationToken cancellationToken)
    {
        var model = templates.NewModel().WithCustomer(integrationEvent.FirstName, integrationEvent.LastName, integrationEvent.Email);
        var rendered = await templates.RenderAsync(TemplateKeys.Welcome, null, model, cancellationToken)
            ?? throw new InvalidOperationException("The welcome template is not known.");
        await queue.EmailForEventAsync(integrationEvent.Id, integrationEvent.Email, integrationEvent.UserId, rendered, cancellationToken);
    }
}
