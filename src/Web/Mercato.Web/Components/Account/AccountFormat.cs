using System.Globalization;

namespace Mercato.Web.Components.Account;

/// <summary>How the account pages write times and statuses.</summary>
internal static class AccountFormat
{
    /// <summary>A UTC time as <c>yyyy-MM-dd HH:mm</c>.</summary>
    public static string When(DateTime at) => at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    /// <summary>A status with its first letter in upper case (<c>shipped</c> → <c>Shipped</c>).</summary>
    public static string Status(string status) =>
        string.IsNullOrEmpty(status) ? status : char.ToUpperInvariant(status[0]) + status[1..];

    /// <summary>The badge class of an order's or a conversation's status.</summary>
    public static string Badge(string status) => status switch
    {
        "paid" or "delivered" or "shipped" or "closed" => "badge ok",
        "cancelled" or "refunded" => "badge bad",
        "pending" or "open" => "badge warn",
        _ => "badge",
    };
}
