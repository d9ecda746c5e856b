using Mercato.Platform.Auth;
using Microsoft.Extensions.Options;

namespace Mercato.Payments;

/// <summary>
/// The addresses Payments hands to browsers and gateways, built from the configured public URL
/// (<c>Payments:PublicUrl</c>, else <c>Auth:Issuer</c>), never from a request's <c>Host</c>.
/// </summary>
internal sealed class PaymentUrls(IOptions<PaymentsOptions> options, IOptions<AuthOptions> auth)
{
    /// <summary>The sandbox's page prefix.</summary>
    public const string SandboxPrefix = "/sandbox-pay";

    /// <summary>The public base URL, without a trailing slash.</summary>
    public string Base => (options.Value.PublicUrl ?? auth.Value.Issuer).TrimEnd('/');

    /// <summary>Where a gateway sends the browser back after a hosted checkout.</summary>
    public string SessionReturn(Guid sessionId) => $"{Base}/api/v1/payments/checkout-sessions/{sessionId}/return";

    /// <summary>Where a gateway sends the browser back after a challenge on a saved card's charge.</summary>
    public string PaymentReturn(Guid paymentId) => $"{Base}/api/v1/payments/{paymentId}/return";

    /// <summary>The sandbox's checkout page.</summary>
    public string SandboxPage(string sessionId) => $"{Base}{SandboxPrefix}/{sessionId}";

    /// <summary>The sandbox's challenge page of a charge.</summary>
    public string SandboxChallenge(string chargeId) => $"{Base}{SandboxPrefix}/challenge/{chargeId}";

    /// <summary>Where the sandbox posts its webhooks.</summary>
    public string SandboxWebhook => options.Value.Sandbox.WebhookUrl ?? $"{Base}/api/v1/payments/webhooks/{SandboxSettings.GatewayName}";
}
