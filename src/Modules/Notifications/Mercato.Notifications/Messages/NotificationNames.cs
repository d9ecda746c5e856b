namespace Mercato.Notifications.Messages;

/// <summary>The lower-case names the API uses for channels and statuses.</summary>
internal static class NotificationNames
{
    /// <summary>Channels by name.</summary>
    public static readonly IReadOnlyDictionary<string, NotificationChannel> Channels =
        Enum.GetValues<NotificationChannel>().ToDictionary(Of, c => c, StringComparer.OrdinalIgnoreCase);

    /// <summary>Statuses by name.</summary>
    public static readonly IReadOnlyDictionary<string, NotificationStatus> Statuses =
        Enum.GetValues<NotificationStatus>().ToDictionary(Of, s => s, StringComparer.OrdinalIgnoreCase);

    /// <summary>The channel's name (<c>email</c>, <c>sms</c>).</summary>
    public static string Of(NotificationChannel channel) => channel.ToString().ToLowerInvariant();

    /// <summary>The status's name (<c>queued</c>, <c>sent</c>, ...).</summary>
    public static string Of(NotificationStatus status) => status.ToString().ToLowerInvariant();
}
