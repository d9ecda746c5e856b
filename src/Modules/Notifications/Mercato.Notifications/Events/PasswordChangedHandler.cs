using Mercato.Identity.Contracts;
using Mercato.Messaging.Events;
using Mercato.Notifications.Templates;

namespace Mercato.Notifications.Events;

/// <summary>An account's password changed: its owner is told when, and where to reset it if it was not them.</summary>
internal sealed class PasswordChangedHandler(AccountMessages messages) : IIntegrationEventHandler<PasswordChanged>
{
    /// <inheritdoc />
    public Task HandleAsync(PasswordChanged integrationEvent, CancellationToken cancellationToken)
        => messages.QueueAsync(
            integrationEvent.Id, integrationEvent.UserId, integrationEvent.Email, integrationEvent.FirstName, integrationEvent.Language, TemplateKeys.PasswordChanged,
            model => model
                .With("changedAt", MessageModel.Moment(integrationEvent.ChangedAt.UtcDateTime))
                .With("byReset", integrationEvent.ByReset)
                .With("forgotPasswordUrl", ShopLinks.ForgotPassword(model.ShopUrl)),
            cancellationToken);
}
