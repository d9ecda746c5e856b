namespace Mercato.Notifications.Sending;

/// <summary>A provider did not take a message; the reason is kept on the message (never a password or a body).</summary>
/// <param name="message">Why.</param>
/// <param name="inner">The provider's error.</param>
/// <param name="permanent">Whether trying again cannot help (the provider refused this message, e.g. an invalid number): it is parked as failed at once.</param>
internal sealed class DeliveryException(string message, Exception? inner = null, bool permanent = false) : Exception(message, inner)
{
    /// <summary>Whether trying again cannot help: the message is parked as failed at once.</summary>
    public bool Permanent { get; } = permanent;
}
