namespace Mercato.Payments.Gateways;

/// <summary>A provider refused a request for a reason the caller should show (an unknown card token, a bad webhook signature).</summary>
/// <param name="code">A short machine-readable reason.</param>
/// <param name="message">What went wrong, for people.</param>
internal sealed class GatewayRefusedException(string code, string message) : Exception(message)
{
    /// <summary>The machine-readable reason.</summary>
    public string Code { get; } = code;
}
