using Mercato.Ordering.Contracts;

namespace Mercato.Notifications.Templates;

/// <summary>The templates Mercato ships, each with sample data shaped like the real data.</summary>
internal static class TemplateCatalog
{
    /// <summary>Every known template by key.</summary>
    public static readonly IReadOnlyDictionary<string, TemplateDefinition> All = new[]
    {
        new TemplateDefinition(TemplateKeys.Welcome, "A shopper created an account", false, m => m.WithCustomer("Ada", "Lovelace", "ada@example.com")),
        new TemplateDefinition(TemplateKeys.PasswordReset, "A password reset was asked for", true, m => m.WithCustomer("Ada", null, "ada@example.com")
            .WithExpiry(SampleTime.AddMinutes(60), SampleTime).With("resetUrl", ShopLinks.ResetPassword(m.ShopUrl, SampleUser, "sample-token")).With("code", "123456")),
        new TemplateDefinition(TemplateKeys.EmailVerification, "An address has to be verified (a new account's, or a changed one)", true, m => m.WithCustomer("Ada", null, "ada@example.com")
            .WithExpiry(SampleTime.AddHours(24), SampleTime).With("verifyUrl", ShopLinks.VerifyEmail(m.ShopUrl, "sample-token")).With("code", "123456").With("isEmailChange", false)),
        new TemplateDefinition(TemplateKeys.PasswordChanged, "An account's password was changed", true, m => m.WithCustomer("Ada", null, "ada@example.com")
            .With("changedAt", MessageModel.Moment(SampleTime.UtcDateTime)).With("byReset", false).With("forgotPasswordUrl", ShopLinks.ForgotPassword(m.ShopUrl))),
        new TemplateDefinition(TemplateKeys.OrderPlaced, "An order was placed", false, m => m.WithOrder(SampleOrder())),
        new TemplateDefinition(TemplateKeys.OrderPaid, "An order's payment was confirmed", false, m => m.WithOrder(SampleOrder()).WithPayment(SampleOrder().Total)),
        new TemplateDefinition(TemplateKeys.OrderShipped, "An order left the warehouse", false, m => m.WithOrder(SampleOrder() with { Carrier = "UPS", TrackingNumber = "1Z999AA10123456784" })),
        new TemplateDefinition(TemplateKeys.OrderCancelled, "An order was cancelled", false, m => m.WithOrder(SampleOrder() with { CancelReason = "Cancelled at the customer's request" }, wasPaid: true)),
        new TemplateDefinition(TemplateKeys.PaymentFailed, "A payment attempt failed", false, m => m.WithOrder(SampleOrder()).WithPayment(SampleOrder().Total, "card_declined")),
        new TemplateDefinition(TemplateKeys.PaymentRefunded, "Money was refunded", false, m => m.WithOrder(SampleOrder()).WithPayment(50m, refundedTotal: 50m, fullyRefunded: false)),
        new TemplateDefinition(TemplateKeys.SupportReply, "Staff replied in a customer's support conversation", false, m => m.WithCustomer("Ada", "Lovelace", "ada@example.com")
            .WithConversation(SampleConversation, "Where is my parcel?", "It left our warehouse this morning; you will get the tracking number shortly.")),
        new TemplateDefinition(TemplateKeys.WebhookEndpointDisabled, "A webhook endpoint was disabled (to the administrators)", false, m => m.WithCustomer("Ada", "Lovelace", "ada@example.com")
            .WithWebhookEndpoint("https://erp.example.com/hooks/mercato", "failing since 2026-11-26T10:30:00Z", SampleTime.AddDays(-5))),
    }.ToDictionary(d => d.Key, StringComparer.Ordinal);

    private static readonly Guid SampleUser = Guid.Parse("0192f3a0-0000-7000-8000-000000000002");

    private static readonly Guid SampleConversation = Guid.Parse("0192f3a0-0000-7000-8000-000000000003");

    private static readonly DateTimeOffset SampleTime = new(2026, 12, 1, 10, 30, 0, TimeSpan.Zero);

    private static OrderDetails SampleOrder() => new(
        Guid.Parse("0192f3a0-0000-7000-8000-000000000001"),
        "ORD-2026-000100",
        null,
        "pending",
        "ada@example.com",
        "Ada",
        "Lovelace",
        null,
        [new OrderDetailsLine("Wireless Headphones", "WH-1000", 2, 99.99m, 199.98m), new OrderDetailsLine("USB-C Cable", "USBC-2M", 1, 12.50m, 12.50m)],
        212.48m,
        0m,
        17.00m,
        5.00m,
        234.48m,
        ["12 Analytical Row", "London", "NW1 6XE", "GB"],
        null,
        null,
        null,
        new DateTime(2026, 12, 1, 10, 30, 0, DateTimeKind.Utc));
}
