namespace Mercato.Webhooks.Events;

/// <summary>The webhook events an endpoint may subscribe to (seed 004's names and the ones Mercato adds).</summary>
internal static class WebhookEventNames
{
    /// <summary>Every event, now and later.</summary>
    public const string All = "*";

    /// <summary>The event <c>POST /api/v1/webhooks/{id}/test</c> sends; never subscribed to.</summary>
    public const string Test = "webhook.test";

    /// <summary>An order was placed.</summary>
    public const string OrderCreated = "order.created";

    /// <summary>An order's status changed (paid, shipped, delivered, cancelled).</summary>
    public const string OrderUpdated = "order.updated";

    /// <summary>An order's payment was confirmed.</summary>
    public const string OrderPaid = "order.paid";

    /// <summary>An order was shipped.</summary>
    public const string OrderShipped = "order.shipped";

    /// <summary>An order was delivered.</summary>
    public const string OrderDelivered = "order.delivered";

    /// <summary>An order was cancelled.</summary>
    public const string OrderCancelled = "order.cancelled";

    /// <summary>A payment was captured.</summary>
    public const string PaymentSucceeded = "payment.succeeded";

    /// <summary>A payment failed.</summary>
    public const string PaymentFailed = "payment.failed";

    /// <summary>A payment was refunded (in part or in full).</summary>
    public const string PaymentRefunded = "payment.refunded";

    /// <summary>A product was created.</summary>
    public const string ProductCreated = "product.created";

    /// <summary>A product changed.</summary>
    public const string ProductUpdated = "product.updated";

    /// <summary>A product was deleted.</summary>
    public const string ProductDeleted = "product.deleted";

    /// <summary>A shopper registered.</summary>
    public const string UserRegistered = "user.registered";

    /// <summary>A user's profile changed.</summary>
    public const string UserUpdated = "user.updated";

    /// <summary>A message was posted in a support conversation (internal notes never are).</summary>
    public const string SupportMessageCreated = "support.message.created";

    /// <summary>The events one can subscribe to, with what each means.</summary>
    public static readonly IReadOnlyDictionary<string, string> Known = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [OrderCreated] = "New order created",
        [OrderUpdated] = "An order's status changed (paid, shipped, delivered or cancelled)",
        [OrderPaid] = "Order payment confirmed",
        [OrderShipped] = "Order has been shipped",
        [OrderDelivered] = "Order has been delivered",
        [OrderCancelled] = "Order has been cancelled",
        [PaymentSucceeded] = "Payment succeeded",
        [PaymentFailed] = "Payment failed",
        [PaymentRefunded] = "Payment refunded",
        [ProductCreated] = "New product created",
        [ProductUpdated] = "Product updated",
        [ProductDeleted] = "Product deleted",
        [UserRegistered] = "New user registered",
        [UserUpdated] = "A user's profile changed",
        [SupportMessageCreated] = "A customer or staff member posted a message in a support conversation (internal notes are never sent)",
    };

    /// <summary>Other names accepted for an event at subscription: seed 004 calls a registration <c>user.created</c>.</summary>
    public static readonly IReadOnlyDictionary<string, string> Aliases = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["user.created"] = UserRegistered,
    };

    /// <summary>The stored name of a subscribed event (aliases resolved), or null when it is unknown.</summary>
    public static string? Canonical(string name) =>
        name == All || Known.ContainsKey(name) ? name : Aliases.GetValueOrDefault(name);
}
