using System.Globalization;
using Mercato.Ordering.Contracts;

namespace Mercato.Notifications.Templates;

/// <summary>
/// The data templates see, built the same way for real messages and for previews: <c>shop</c>,
/// <c>customer</c>, <c>order</c> and <c>payment</c>, with money as text in the shop's currency.
/// </summary>
internal sealed class MessageModel(NotificationsOptions options, string shopUrl)
{
    private readonly Dictionary<string, object?> _data = new(StringComparer.Ordinal)
    {
        ["shop"] = new Dictionary<string, object?> { ["name"] = options.ShopName, ["url"] = shopUrl },
    };

    /// <summary>The shop's base URL, for links.</summary>
    public string ShopUrl => shopUrl;

    /// <summary>The data built so far.</summary>
    public IDictionary<string, object?> Data => _data;

    /// <summary>Money as messages show it (<c>863.98 USD</c>).</summary>
    public string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture) + " " + options.Currency;

    /// <summary>Adds <c>customer</c>.</summary>
    public MessageModel WithCustomer(string? firstName, string? lastName, string email)
    {
        _data["customer"] = new Dictionary<string, object?>
        {
            ["firstName"] = string.IsNullOrWhiteSpace(firstName) ? "there" : firstName,
            // The name as given (empty when none), for languages whose greeting has no "there".
            ["givenName"] = firstName?.Trim() ?? string.Empty,
            ["lastName"] = lastName ?? string.Empty,
            ["email"] = email,
        };
        return this;
    }

    /// <summary>Adds <c>order</c> (and <c>customer</c> from its contact).</summary>
    public MessageModel WithOrder(OrderDetails order, bool wasPaid = false)
    {
        WithCustomer(order.FirstName, order.LastName, order.ContactEmail);
        _data["order"] = new Dictionary<string, object?>
        {
            ["number"] = order.OrderNumber,
            ["status"] = order.Status,
            ["url"] = $"{shopUrl.TrimEnd('/')}/account/orders/{Uri.EscapeDataString(order.OrderNumber)}",
            ["lines"] = order.Lines.Select(l => new Dictionary<string, object?>
            {
                ["name"] = l.ProductName,
                ["sku"] = l.Sku,
                ["quantity"] = l.Quantity,
                ["unitPrice"] = Money(l.UnitPrice),
                ["lineTotal"] = Money(l.LineTotal),
            }).ToList(),
            ["subtotal"] = Money(order.Subtotal),
            ["discount"] = Money(order.Discount),
            ["hasDiscount"] = order.Discount > 0,
            ["tax"] = Money(order.Tax),
            ["shippingCost"] = Money(order.ShippingCost),
            ["total"] = Money(order.Total),
            ["shippingAddress"] = order.ShippingAddress.ToList(),
            ["trackingNumber"] = order.TrackingNumber,
            ["carrier"] = order.Carrier,
            ["trackingUrl"] = TrackingUrl(order.Carrier, order.TrackingNumber),
            ["cancelReason"] = order.CancelReason,
            ["wasPaid"] = wasPaid,
            ["placedAt"] = Moment(order.CreatedAt),
        };
        return this;
    }

    /// <summary>Adds <c>payment</c>.</summary>
    public MessageModel WithPayment(decimal amount, string? reason = null, decimal? refundedTotal = null, bool fullyRefunded = true)
    {
        _data["payment"] = new Dictionary<string, object?>
        {
            ["amount"] = Money(amount),
            ["reason"] = reason,
            ["refundedTotal"] = Money(refundedTotal ?? amount),
            ["fullyRefunded"] = fullyRefunded,
        };
        return this;
    }

    /// <summary>
    /// Adds <c>expiry</c>: how long a link or code issued at <paramref name="issuedAt"/> works
    /// (<c>minutes</c>, and <c>hours</c> when it is a whole number of hours from two up, else null)
    /// and until when (<c>at</c>, UTC).
    /// </summary>
    public MessageModel WithExpiry(DateTimeOffset expiresAt, DateTimeOffset issuedAt)
    {
        var minutes = Math.Max(1, (int)Math.Round((expiresAt - issuedAt).TotalMinutes, MidpointRounding.AwayFromZero));
        _data["expiry"] = new Dictionary<string, object?>
        {
            ["minutes"] = minutes,
            ["hours"] = minutes >= 120 && minutes % 60 == 0 ? minutes / 60 : null,
            ["at"] = Moment(expiresAt.UtcDateTime),
        };
        return this;
    }

    /// <summary>Adds <c>conversation</c> (its subject and link) and <c>reply</c> (the staff reply's text).</summary>
    public MessageModel WithConversation(Guid conversationId, string subject, string reply)
    {
        _data["conversation"] = new Dictionary<string, object?>
        {
            ["id"] = conversationId.ToString(),
            ["subject"] = subject,
            ["url"] = ShopLinks.SupportConversation(shopUrl, conversationId),
        };
        _data["reply"] = new Dictionary<string, object?> { ["body"] = reply };
        return this;
    }

    /// <summary>Adds <c>endpoint</c>: a disabled webhook endpoint's URL, the reason, and since when it failed (if that is why).</summary>
    public MessageModel WithWebhookEndpoint(string url, string reason, DateTimeOffset? failingSince)
    {
        _data["endpoint"] = new Dictionary<string, object?>
        {
            ["url"] = url,
            ["reason"] = reason,
            ["failingSince"] = failingSince is { } since ? Moment(since.UtcDateTime) : null,
        };
        return this;
    }

    /// <summary>A moment (UTC) as messages show it (<c>2026-12-01 10:30 UTC</c>).</summary>
    public static string Moment(DateTime at) => at.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>Adds a value under <paramref name="name"/> (a link, a code).</summary>
    public MessageModel With(string name, object? value)
    {
        _data[name] = value;
        return this;
    }

    private string? TrackingUrl(string? carrier, string? number)
    {
        if (carrier is null || number is null)
        {
            return null;
        }

        var pattern = options.TrackingUrls.FirstOrDefault(p => string.Equals(p.Key, carrier.Trim(), StringComparison.OrdinalIgnoreCase)).Value;
        return pattern?.Replace("{number}", Uri.EscapeDataString(number.Trim()), StringComparison.Ordinal);
    }
}
