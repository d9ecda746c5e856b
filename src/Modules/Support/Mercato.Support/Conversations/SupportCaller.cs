using System.Security.Claims;
using Mercato.Platform.Auth;

namespace Mercato.Support.Conversations;

/// <summary>Who calls the support API: a customer (their own conversations) or staff (Admin or Support: every conversation).</summary>
/// <param name="UserId">The signed-in user.</param>
/// <param name="IsStaff">Whether they hold the Admin or the Support role.</param>
/// <param name="RolesAt">When their token, and so the roles it carries, was issued (UTC).</param>
internal sealed record SupportCaller(Guid UserId, bool IsStaff, DateTime RolesAt)
{
    /// <summary>The roles the support API admits.</summary>
    public static readonly string[] Roles = [MercatoRoles.Customer, MercatoRoles.Premium, MercatoRoles.Support, MercatoRoles.Admin];

    /// <summary>Whether <paramref name="roles"/> make a staff member.</summary>
    public static bool IsStaffRole(IEnumerable<string> roles)
        => roles.Any(r => string.Equals(r, MercatoRoles.Admin, StringComparison.Ordinal) || string.Equals(r, MercatoRoles.Support, StringComparison.Ordinal));

    /// <summary>The caller behind <paramref name="principal"/> (an authenticated user: the group's policy admits no one else).</summary>
    public static SupportCaller From(ClaimsPrincipal principal, TimeProvider time)
    {
        var userId = Guid.TryParse(principal.FindFirstValue(MercatoClaims.Subject), out var id) ? id : Guid.Empty;
        var issuedAt = long.TryParse(principal.FindFirstValue("iat"), out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime
            : time.GetUtcNow().UtcDateTime;
        return new SupportCaller(userId, principal.IsInRole(MercatoRoles.Admin) || principal.IsInRole(MercatoRoles.Support), issuedAt);
    }
}
