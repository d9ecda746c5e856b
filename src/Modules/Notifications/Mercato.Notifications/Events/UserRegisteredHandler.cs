using Mercato.Identity.Contracts;
using Mercato.Messaging.Events;
using Mercato.Notifications.Data;
using Mercato.Notifications.Messages;
using Mercato.Notifications.Templates;

namespace Mercato.Notifications.Events;

/// <summary>A shopper created an account: they get a welcome message, and their name is kept for later messages.</summary>
internal sealed class UserRegisteredHandler(TemplateRenderer templates, NotificationQueue queue, NotificationsDbContext db, TimeProvider time)
    : IIntegrationEventHandler<UserRegistered>
{
    /// <inheritdoc />
    public async Task HandleAsync(UserRegistered integrationEvent, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.FindAsync([integrationEvent.UserId], cancellationToken);
        if (customer is null)
        {
            customer = new Customer { UserId = integrationEvent.UserId };
            db.Customers.Add(customer);
        }

        customer.Email = integrationEvent.Email;
        customer.FirstName = integrationEvent.FirstName;
        customer.LastName = integrationEvent.LastName;
        customer.UpdatedAt = time.GetUtcNow().UtcDateTime;

        var model = templates.NewModel().WithCustomer(integrationEvent.FirstName, integrationEvent.LastName, integrationEvent.Email);
        var rendered = await templates.RenderAsync(TemplateKeys.Welcome, null, model, cancellationToken)
            ?? throw new InvalidOperationException("The welcome template is not known.");
        await queue.EmailForEventAsync(integrationEvent.Id, integrationEvent.Email, integrationEvent.UserId, rendered, cancellationToken);
    }
}
