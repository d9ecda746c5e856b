using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Mercato.Platform.Auth;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Mercato.Platform.Http;
using Microsoft.AspNetCore.Http;

namespace Mercato.Payments;

/// <summary>
/// Who asks about payments: a signed-in shopper (their own), an administrator (everyone's), or a
/// guest known by the <c>X-Cart-Key</c> their order was placed with (only its hash is compared).
/// </summary>
/// <param name="UserId">The signed-in user, or null for a guest.</param>
/// <param name="GuestKeyHash">SHA-256 (hex) of a guest's cart key.</param>
/// <param name="IsAdmin">Whether the caller administers the shop.</param>
/// <param name="Email">A signed-in user's e-mail.</param>
internal sealed record PaymentCaller(Guid? UserId, string? GuestKeyHash, bool IsAdmin, string? Email)
{
    /// <summary>What the ledger records as the actor.</summary>
    public string Actor => UserId?.ToString() ?? "guest";

    /// <summary>Reads the caller: 401 for an anonymous caller without a cart key (or when <paramref name="allowGuest"/> is false), 403 for a token that is neither a shopper's nor an administrator's.</summary>
    public static (PaymentCaller? Caller, ApiErrorResult? Error) From(HttpContext context, bool allowGuest = true)
    {
        var principal = context.User;
        if (principal.Identity?.IsAuthenticated == true)
        {
            var admin = principal.IsInRole(MercatoRoles.Admin);
            var shopper = admin || principal.IsInRole(MercatoRoles.Customer) || principal.IsInRole(MercatoRoles.Premium);
            return shopper && Guid.TryParse(principal.FindFirstValue(MercatoClaims.Subject), out var userId)
                ? (new PaymentCaller(userId, null, admin, principal.FindFirstValue(MercatoClaims.Email)), null)
                : (null, ApiResults.Error(StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, "Only shoppers and administrators handle payments"));
        }

        var key = allowGuest ? context.Request.Headers[CartKeyHeader.Name].ToString().Trim() : string.Empty;
        return key.Length is > 0 and <= 200
            ? (new PaymentCaller(null, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))), false, null), null)
            : (null, ApiResults.Error(
                StatusCodes.Status401Unauthorized,
                ErrorCodes.Unauthorized,
                allowGuest ? $"Sign in, or send the {CartKeyHeader.Name} your order was placed with" : "Sign in to manage payments"));
    }

    /// <summary>Whether the caller may see a payment or an order of this owner.</summary>
    public bool Owns(Guid? userId, string? guestKeyHash)
        => IsAdmin || (UserId is { } id ? userId == id : guestKeyHash is not null && guestKeyHash == GuestKeyHash);
}
