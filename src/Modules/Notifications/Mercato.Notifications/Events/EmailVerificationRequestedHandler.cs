using Mercato.Identity.Contracts;
using Mercato.Messaging.Events;
using Mercato.Notifications.Templates;

namespace Mercato.Notifications.Events;

/// <summary>An address has to be verified: it gets the link and the 6-digit code (worded for a new account or a changed address).</summary>
internal sealed class EmailVerificationRequestedHandler(AccountMessages messages, TimeProvider time) : IIntegrationEventHandler<EmailVerificationRequested>
{
    /// <inheritdoc />
    public Task HandleAsync(EmailVerificationRequested integrationEvent, CancellationToken cancellationToken)
        => messages.QueueAsync(
            integrationEvent.Id, integrationEvent.UserId, integrationEvent.Email, integrationEvent.FirstName, integrationEvent.Language, TemplateKeys.EmailVerification,
            model => model
                .WithExpiry(integrationEvent.ExpiresAt, AccountMessages.IssuedAt(integrationEvent.OccurredAt, time))
                .With("verifyUrl", ShopLinks.VerifyEmail(model.ShopUrl, integrationEvent.Token))
                .With("code", integrationEvent.Code)
                .With("isEmailChange", integrationEvent.IsEmailChange),
            cancellationToken);
}
