namespace Mercato.Webhooks.Ssrf;

/// <summary>A connection was not opened because the guard refused the host's address.</summary>
/// <param name="message">Why.</param>
internal sealed class AddressRefusedException(string message) : Exception(message);
