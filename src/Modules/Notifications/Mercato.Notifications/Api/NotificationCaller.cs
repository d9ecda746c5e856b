using System.Security.Claims;
using Mercato.Platform.Auth;

namespace Mercato.Notifications.Api;

/// <summary>Who reads messages: an administrator (everyone's) or a signed-in customer (their own).</summary>
/// <param name="UserId">The signed-in user.</param>
/// <param name="IsAdmin">Whether they administer the shop.</param>
internal sealed record NotificationCaller(Guid? UserId, bool IsAdmin)
{
    /// <summary>The caller behind <paramref name="principal"/>.</summary>
    public static NotificationCaller From(ClaimsPrincipal principal)
        => new(Guid.TryParse(principal.FindFirstValue(MercatoClaims.Subject), out var id) ? id : null, principal.IsInRole(MercatoRoles.Admin));

    /// <summary>The name recorded as who asked for a message: the service client or the user.</summary>
    public static string Actor(ClaimsPrincipal principal)
        => principal.FindFirstValue(MercatoClaims.ClientId) ?? principal.FindFirstValue(MercatoClaims.Subject) ?? "unknown";
}
