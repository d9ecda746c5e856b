namespace Mercato.Notifications.Contracts;

/// <summary>The OAuth2 scopes of the Notifications module's service endpoints.</summary>
public static class NotificationsScopes
{
    /// <summary>Send an e-mail or an SMS through <c>POST /api/v1/notifications/email</c> and <c>/sms</c>.</summary>
    public const string Send = "notifications.send";
}
