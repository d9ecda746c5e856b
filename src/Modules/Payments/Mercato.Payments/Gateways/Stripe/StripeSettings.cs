using Mercato.Platform.Hosting;

namespace Mercato.Payments.Gateways.Stripe;

/// <summary>The Stripe gateway's settings (section <c>Payments:Stripe</c>).</summary>
internal sealed class StripeSettings
{
    /// <summary>Stripe's name in requests, webhook paths and the ledger.</summary>
    public const string GatewayName = "stripe";

    /// <summary>Stripe's API.</summary>
    public const string DefaultApiBase = "https://api.stripe.com";

    /// <summary>Whether Stripe takes payments (default false: it needs an account's keys).</summary>
    public bool Enabled { get; set; }

    /// <summary>The account's secret API key (<c>sk_test_…</c> in test mode, <c>sk_live_…</c>, or a restricted <c>rk_…</c> key).</summary>
    public string? SecretKey { get; set; }

    /// <summary>The webhook endpoint's signing secret (<c>whsec_…</c>), which verifies the <c>Stripe-Signature</c> header.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Where Stripe's API is reached (default <c>https://api.stripe.com</c>; tests point it at a local fake).</summary>
    public string ApiBase { get; set; } = DefaultApiBase;

    /// <summary>How old a webhook's signature may be (default 300 seconds, Stripe's own default).</summary>
    public TimeSpan WebhookTolerance { get; set; } = TimeSpan.FromSeconds(300);

    /// <summary>What is wrong with these settings (nothing while Stripe is off).</summary>
    public IEnumerable<string> Problems() => !Enabled ? [] : SettingRules.Failed(
        string.IsNullOrWhiteSpace(SecretKey) || string.IsNullOrWhiteSpace(WebhookSecret)
            ? "Payments:Stripe:Enabled needs Payments:Stripe:SecretKey (sk_...) and Payments:Stripe:WebhookSecret (whsec_...)"
            : null,
        WebhookSecret is { Length: > 0 } secret && !secret.StartsWith("whsec_", StringComparison.Ordinal)
            ? "Payments:Stripe:WebhookSecret must be the endpoint's signing secret (whsec_...)"
            : null,
        SettingRules.HttpUrl(ApiBase, "Payments:Stripe:ApiBase", required: true),
        SettingRules.Positive(WebhookTolerance, "Payments:Stripe:WebhookTolerance"));
}
