using Mercato.Identity.Contracts;
using Mercato.Messaging.Events;
using Mercato.Notifications.Messages;

namespace Mercato.Notifications.Events;

/// <summary>An administrator changed a user's roles: whether they administer the shop is kept, for the administrators' mails.</summary>
internal sealed class UserRolesChangedHandler(Customers customers) : IIntegrationEventHandler<UserRolesChanged>
{
    /// <inheritdoc />
    public Task HandleAsync(UserRolesChanged integrationEvent, CancellationToken cancellationToken)
        => customers.RecordRolesAsync(integrationEvent.UserId, integrationEvent.OccurredAt, integrationEvent.Roles, cancellationToken);
}
