namespace Mercato.Payments;

/// <summary>The sandbox gateway's settings (section <c>Payments:Sandbox</c>).</summary>
internal sealed class SandboxSettings
{
    /// <summary>The sandbox's name in requests, webhooks and the ledger.</summary>
    public const string GatewayName = "sandbox";

    /// <summary>Whether the sandbox takes payments (default true: it needs nothing).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long after a payment the sandbox sends its webhook (default 2 seconds), so that redirect and webhook race as with a real gateway.</summary>
    public TimeSpan WebhookDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long the sandbox takes to answer a charge of a saved card after it has recorded the charge
    /// (default 0), as a real provider behind a slow network does: the money is taken at once, the
    /// merchant hears of it only after this delay, and reconciliation finds the charge if the merchant
    /// stopped waiting or died meanwhile.
    /// </summary>
    public TimeSpan ResponseDelay { get; set; } = TimeSpan.Zero;

    /// <summary>Where the sandbox posts its webhooks; <c>{PublicUrl}/api/v1/payments/webhooks/sandbox</c> when not set.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>
    /// The secret both sides sign and verify webhooks with (at least 24 characters). When not set,
    /// the sandbox generates one on first use and keeps it in its own table, so it is stable across
    /// restarts and shared by replicas of one database.
    /// </summary>
    public string? WebhookSecret { get; set; }
}
