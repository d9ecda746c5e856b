using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Mercato.Cart.Contracts;
using Mercato.Platform.Auth;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Microsoft.AspNetCore.Http;

namespace Mercato.Ordering.Checkout;

/// <summary>
/// Who places an order: a signed-in customer (their account's cart and e-mail), or a guest with
/// the <c>X-Cart-Key</c> of their cart and the contact details from the body.
/// </summary>
/// <param name="UserId">The signed-in customer, or null for a guest.</param>
/// <param name="CartKey">A guest's cart key (never stored; only its hash is).</param>
/// <param name="Email">The account's e-mail for a customer; null for a guest until the body gives one.</param>
public sealed record Buyer(Guid? UserId, string? CartKey, string? Email)
{
    /// <summary>The guest cart header.</summary>
    public const string CartKeyHeader = "X-Cart-Key";

    /// <summary>The cart to order from.</summary>
    public CartOwner Cart => UserId is { } id ? CartOwner.User(id) : CartOwner.Guest(CartKey!);

    /// <summary>SHA-256 (hex) of a guest's cart key; null for a customer.</summary>
    public string? GuestKeyHash => CartKey is null ? null : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CartKey)));

    /// <summary>Who wrote the order's first history entry.</summary>
    public string Actor => UserId?.ToString() ?? "guest";

    /// <summary>
    /// Reads the buyer from the request: 401 for an anonymous caller without a cart key, 403 for a
    /// signed-in caller (a service token, say) without a shopper's role.
    /// </summary>
    public static (Buyer? Buyer, ApiErrorResult? Error) From(HttpContext context)
    {
        var principal = context.User;
        if (principal.Identity?.IsAuthenticated == true)
        {
            var shopper = principal.IsInRole(MercatoRoles.Customer) || principal.IsInRole(MercatoRoles.Premium) || principal.IsInRole(MercatoRoles.Admin);
            return shopper && Guid.TryParse(principal.FindFirstValue(MercatoClaims.Subject), out var userId)
                ? (new Buyer(userId, null, principal.FindFirstValue(MercatoClaims.Email)), null)
                : (null, ApiResults.Error(StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, "Only shoppers place orders"));
        }

        var key = context.Request.Headers[CartKeyHeader].ToString().Trim();
        return key.Length is > 0 and <= 200
            ? (new Buyer(null, key, null), null)
            : (null, ApiResults.Error(StatusCodes.Status401Unauthorized, ErrorCodes.Unauthorized, $"Sign in, or send your guest cart's {CartKeyHeader}, to place an order"));
    }
}
