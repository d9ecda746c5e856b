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
            ["placedAt"] = order.CreatedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
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
