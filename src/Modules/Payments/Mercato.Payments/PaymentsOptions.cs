using Mercato.Payments.Gateways.Stripe;
using Mercato.Payments.LatePayments;
using Mercato.Platform.Hosting;

namespace Mercato.Payments;

/// <summary>Payments settings (section <c>Payments</c>).</summary>
internal sealed class PaymentsOptions : IValidatedOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Payments";

    /// <summary><see cref="CaptureMethod"/>: take the money at once.</summary>
    public const string AutomaticCapture = "automatic";

    /// <summary><see cref="CaptureMethod"/>: authorise only; capture later.</summary>
    public const string ManualCaptureName = "manual";

    /// <summary>The shop's currency, ISO 4217 (default <c>USD</c>): every order is priced and paid in it.</summary>
    public string Currency { get; set; } = "USD";

    /// <summary>
    /// Where shoppers' browsers reach this service (the gateway's public URL), for the return links
    /// handed to a gateway; <c>Auth:Issuer</c> when not set.
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>The gateway used when a request names none (default <c>sandbox</c>; <c>stripe</c> when Stripe is enabled).</summary>
    public string DefaultGateway { get; set; } = SandboxSettings.GatewayName;

    /// <summary>
    /// <c>automatic</c> (the default): a payment takes the money at once. <c>manual</c>: checkout
    /// sessions and <c>process</c> only authorise (hold) it, and an administrator captures it later
    /// (<c>POST /api/v1/payments/{id}/capture</c>) or releases it (<c>.../cancel</c>).
    /// </summary>
    public string CaptureMethod { get; set; } = AutomaticCapture;

    /// <summary>Whether payments only authorise until captured (<see cref="CaptureMethod"/> is <c>manual</c>).</summary>
    public bool ManualCapture => string.Equals(CaptureMethod, ManualCaptureName, StringComparison.OrdinalIgnoreCase);

    /// <summary>How long a checkout session can be paid (default 30 minutes).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How often the gateways' records are compared with Mercato's (default 1 minute).</summary>
    public TimeSpan ReconciliationInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How far back reconciliation looks (default 2 days).</summary>
    public TimeSpan ReconciliationWindow { get; set; } = TimeSpan.FromDays(2);

    /// <summary>
    /// What happens to a payment captured after its order was cancelled: <c>refund</c> (the
    /// default) gives it back; <c>revive</c> revives the order when it was cancelled by expiry and
    /// its stock (and coupon) can still be had, and gives the money back otherwise.
    /// </summary>
    public string LatePayment { get; set; } = LatePaymentPolicy.Refund;

    /// <summary>The sandbox gateway.</summary>
    public SandboxSettings Sandbox { get; set; } = new();

    /// <summary>The Stripe gateway.</summary>
    public StripeSettings Stripe { get; set; } = new();

    /// <inheritdoc />
    public IEnumerable<string> Problems() => SettingRules.Failed(
        Currency is { Length: 3 } && Currency.All(char.IsAsciiLetterUpper) ? null : "Payments:Currency must be an ISO 4217 code such as USD",
        SettingRules.HttpUrl(PublicUrl, "Payments:PublicUrl"),
        DefaultGateway == SandboxSettings.GatewayName && !Sandbox.Enabled ? "Payments:DefaultGateway names the sandbox, which Payments:Sandbox:Enabled turns off" : null,
        DefaultGateway == StripeSettings.GatewayName && !Stripe.Enabled ? "Payments:DefaultGateway names stripe, which Payments:Stripe:Enabled does not turn on" : null,
        DefaultGateway is SandboxSettings.GatewayName or StripeSettings.GatewayName
            ? null
            : $"Payments:DefaultGateway must name a gateway ({SandboxSettings.GatewayName} or {StripeSettings.GatewayName})",
        ManualCapture || string.Equals(CaptureMethod, AutomaticCapture, StringComparison.OrdinalIgnoreCase)
            ? null : $"Payments:CaptureMethod must be {AutomaticCapture} or {ManualCaptureName}",
        LatePaymentPolicy.All.Contains(LatePayment)
            ? null
            : $"Payments:LatePayment must be one of {string.Join(", ", LatePaymentPolicy.All)} (got '{LatePayment}')",
        SettingRules.Positive(SessionLifetime, "Payments:SessionLifetime"),
        SettingRules.Positive(ReconciliationInterval, "Payments:ReconciliationInterval"),
        SettingRules.Positive(ReconciliationWindow, "Payments:ReconciliationWindow"),
        SettingRules.NotNegative(Sandbox.WebhookDelay, "Payments:Sandbox:WebhookDelay"),
        SettingRules.NotNegative(Sandbox.ResponseDelay, "Payments:Sandbox:ResponseDelay"),
        SettingRules.HttpUrl(Sandbox.WebhookUrl, "Payments:Sandbox:WebhookUrl"),
        Sandbox.Enabled && Sandbox.WebhookSecret is { Length: < 24 } ? "Payments:Sandbox:WebhookSecret must be at least 24 characters" : null)
        .Concat(Stripe.Problems());
}
