namespace Mercato.Web.Components.Account;

/// <summary>The carrier's tracking page of a shipment, for the carriers the shop's mails know (UPS, FedEx, USPS, DHL).</summary>
internal static class TrackingLink
{
    private static readonly Dictionary<string, string> Pages = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UPS"] = "https://www.ups.com/track?tracknum=",
        ["FedEx"] = "https://www.fedex.com/fedextrack/?trknbr=",
        ["USPS"] = "https://tools.usps.com/go/TrackConfirmAction?tLabels=",
        ["DHL"] = "https://www.dhl.com/global-en/home/tracking/tracking-express.html?tracking-id=",
    };

    /// <summary>The tracking page's address, or null for an unknown carrier or no number.</summary>
    public static string? For(string? carrier, string? number) =>
        carrier is { Length: > 0 } && number is { Length: > 0 } && Pages.TryGetValue(carrier.Trim(), out var page)
            ? page + Uri.EscapeDataString(number.Trim())
            : null;
}
