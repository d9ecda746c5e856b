using Mercato.Identity.Contracts;
using Mercato.Messaging.Events;
using Mercato.Notifications.Templates;

namespace Mercato.Notifications.Events;

/// <summary>A password reset was asked for: the account's address gets the link and/or the code, and how long they work.</summary>
internal sealed class PasswordResetRequestedHandler(AccountMessages messages, TimeProvider time) : IIntegrationEventHandler<PasswordResetRequested>
{
    /// <inheritdoc />
    public Task HandleAsync(PasswordResetRequested integrationEvent, CancellationToken cancellationToken)
        => messages.QueueAsync(
            integrationEvent.Id, integrationEvent.UserId, integrationEvent.Email, integrationEvent.FirstName, integrationEvent.Language, TemplateKeys.PasswordReset,
            model => model
                .WithExpiry(integrationEvent.ExpiresAt, AccountMessages.IssuedAt(integrationEvent.OccurredAt, time))
                .With("resetUrl", integrationEvent.Token is { Length: > 0 } token ? ShopLinks.ResetPassword(model.ShopUrl, integrationEvent.UserId, token) : null)
                .With("code", integrationEvent.Code),
            cancellationToken);
}
