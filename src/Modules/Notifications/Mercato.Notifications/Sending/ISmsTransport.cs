namespace Mercato.Notifications.Sending;

/// <summary>Hands a text message to whatever delivers it.</summary>
internal interface ISmsTransport
{
    /// <summary>Delivers <paramref name="text"/> to <paramref name="to"/> (E.164); answers the provider's id for it.</summary>
    /// <exception cref="DeliveryException">The provider did not take it (the message is tried again later).</exception>
    Task<string> SendAsync(Guid messageId, string to, string text, CancellationToken cancellationToken);
}
