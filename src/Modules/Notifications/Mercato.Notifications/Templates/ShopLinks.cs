using Mercato.Platform.Auth;
using Microsoft.Extensions.Options;

namespace Mercato.Notifications.Templates;

/// <summary>Where shoppers open the shop: <c>Notifications:ShopUrl</c>, else <c>Auth:Issuer</c>; and the account pages messages link to.</summary>
internal sealed class ShopLinks(IOptions<NotificationsOptions> options, IOptions<AuthOptions> auth)
{
    /// <summary>The shop's base URL, without a trailing slash.</summary>
    public string ShopUrl => (options.Value.ShopUrl ?? auth.Value.Issuer).TrimEnd('/');

    /// <summary>The page that sets a new password with a reset token: <c>{shop}/account/reset-password?uid=..&amp;token=..</c>.</summary>
    public static string ResetPassword(string shopUrl, Guid userId, string token)
        => $"{shopUrl.TrimEnd('/')}/account/reset-password?uid={userId}&token={Uri.EscapeDataString(token)}";

    /// <summary>The page that verifies an address with a token: <c>{shop}/account/verify-email?token=..</c>.</summary>
    public static string VerifyEmail(string shopUrl, string token) => $"{shopUrl.TrimEnd('/')}/account/verify-email?token={Uri.EscapeDataString(token)}";

    /// <summary>The page that asks for a password reset: <c>{shop}/account/forgot-password</c>.</summary>
    public static string ForgotPassword(string shopUrl) => $"{shopUrl.TrimEnd('/')}/account/forgot-password";

    /// <summary>A customer's support conversation: <c>{shop}/account/support/{id}</c>.</summary>
    public static string SupportConversation(string shopUrl, Guid conversationId) => $"{shopUrl.TrimEnd('/')}/account/support/{conversationId}";
}
