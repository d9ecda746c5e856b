namespace Mercato.Notifications.Templates;

/// <summary>The keys of the templates Mercato ships.</summary>
internal static class TemplateKeys
{
    /// <summary>A new account.</summary>
    public const string Welcome = "welcome";

    /// <summary>An order was placed.</summary>
    public const string OrderPlaced = "order-placed";

    /// <summary>An order was paid.</summary>
    public const string OrderPaid = "order-paid";

    /// <summary>An order was shipped.</summary>
    public const string OrderShipped = "order-shipped";

    /// <summary>An order was cancelled.</summary>
    public const string OrderCancelled = "order-cancelled";

    /// <summary>A payment failed.</summary>
    public const string PaymentFailed = "payment-failed";

    /// <summary>Money was refunded.</summary>
    public const string PaymentRefunded = "payment-refunded";

    /// <summary>A password reset was asked for (carries a secret).</summary>
    public const string PasswordReset = "password-reset";

    /// <summary>An address has to be verified (carries a secret).</summary>
    public const string EmailVerification = "email-verification";

    /// <summary>A password was changed.</summary>
    public const string PasswordChanged = "password-changed";

    /// <summary>Staff replied in a customer's support conversation.</summary>
    public const string SupportReply = "support-reply";

    /// <summary>A webhook endpoint was disabled (to the administrators).</summary>
    public const string WebhookEndpointDisabled = "webhook-endpoint-disabled";
}
