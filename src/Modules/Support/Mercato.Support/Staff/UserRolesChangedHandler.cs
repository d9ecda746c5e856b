using Mercato.Identity.Contracts;
using Mercato.Messaging.Events;
using Mercato.Support.Conversations;

namespace Mercato.Support.Staff;

/// <summary>An administrator changed a user's roles: Support learns whether they are staff now (assignable) or no longer.</summary>
internal sealed class UserRolesChangedHandler(StaffDirectory staff) : IIntegrationEventHandler<UserRolesChanged>
{
    /// <inheritdoc />
    public Task HandleAsync(UserRolesChanged integrationEvent, CancellationToken cancellationToken)
        => staff.RecordAsync(integrationEvent.UserId, SupportCaller.IsStaffRole(integrationEvent.Roles), integrationEvent.OccurredAt.UtcDateTime, cancellationToken);
}
