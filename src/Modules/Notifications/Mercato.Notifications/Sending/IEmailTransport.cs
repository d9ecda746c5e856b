using MimeKit;

namespace Mercato.Notifications.Sending;

/// <summary>Hands an e-mail to whatever delivers it.</summary>
internal interface IEmailTransport
{
    /// <summary>Delivers <paramref name="message"/>; answers the provider's id for it.</summary>
    /// <exception cref="DeliveryException">The provider did not take it (the message is tried again later).</exception>
    Task<string> SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
