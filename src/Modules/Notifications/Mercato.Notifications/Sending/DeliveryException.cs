namespace Mercato.Notifications.Sending;

/// <summary>A provider did not take a message; the reason is kept on the message (never a password or a body).</summary>
internal sealed class DeliveryException(string message, Exception? inner = null) : Exception(message, inner);
