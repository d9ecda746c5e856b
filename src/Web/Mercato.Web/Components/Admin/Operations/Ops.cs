using System.Globalization;
using System.Text;

namespace Mercato.Web.Components.Admin.Operations;

/// <summary>Small helpers the operations pages share: dates, query strings, status badges.</summary>
internal static class Ops
{
    /// <summary>A UTC time as the dashboard writes it (<c>yyyy-MM-dd HH:mm</c>), or a dash.</summary>
    public static string When(DateTime? at) =>
        at is { } t ? DateTime.SpecifyKind(t, DateTimeKind.Utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "—";

    /// <summary>A time with offset, in UTC, as <see cref="When(DateTime?)"/>.</summary>
    public static string When(DateTimeOffset? at) => at is { } t ? When(t.UtcDateTime) : "—";

    /// <summary>A seconds-precise UTC time (logs and audit entries).</summary>
    public static string Exact(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>The query string of the given pairs (empty values left out), with a leading <c>?</c> when any is left.</summary>
    public static string Query(params (string Name, string? Value)[] pairs)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in pairs)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            text.Append(text.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value.Trim()));
        }

        return text.ToString();
    }

    /// <summary>A date of a filter as the API takes it, or null.</summary>
    public static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The badge class of a status: ok, warn or bad.</summary>
    public static string Badge(string? status) => status switch
    {
        "paid" or "processing" or "shipped" or "delivered" or "succeeded" or "sent" or "active" or "closed" or "success" => "badge ok",
        "cancelled" or "refunded" or "failed" or "disabled" or "declined" or "failure" => "badge bad",
        _ => "badge warn",
    };

    /// <summary>An amount typed into a form (a dot or a comma as the decimal separator), or null when empty or unreadable.</summary>
    public static decimal? Amount(string? text) =>
        decimal.TryParse(text?.Trim().Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;
}
