using Mercato.Identity.Contracts;
using Mercato.Messaging.Events;
using Mercato.Notifications.Messages;

namespace Mercato.Notifications.Events;

/// <summary>
/// A user's profile changed: their e-mail, names, phone and language are kept for later messages
/// (unless a later event already told newer ones; a change arriving before the registration is kept).
/// </summary>
internal sealed class UserProfileChangedHandler(Customers customers) : IIntegrationEventHandler<UserProfileChanged>
{
    /// <inheritdoc />
    public Task HandleAsync(UserProfileChanged integrationEvent, CancellationToken cancellationToken)
        => customers.RecordAsync(integrationEvent.UserId, integrationEvent.OccurredAt, c =>
        {
            c.Email = integrationEvent.Email.Trim();
            c.FirstName = integrationEvent.FirstName.Trim();
            c.LastName = integrationEvent.LastName.Trim();
            c.PhoneNumber = string.IsNullOrWhiteSpace(integrationEvent.PhoneNumber) ? null : integrationEvent.PhoneNumber.Trim();
            c.Language = Languages.Normalize(integrationEvent.Language);
        }, cancellationToken);
}
