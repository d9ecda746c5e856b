using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Mercato.Platform.Auth;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Mercato.Platform.Http;
using Microsoft.AspNetCore.Http;

namespace Mercato.Ordering.Orders;

/// <summary>
/// Who asks about orders: a signed-in shopper (their own orders), an administrator (everyone's),
/// or a guest known only by the <c>X-Cart-Key</c> their orders were placed with.
/// </summary>
/// <param name="UserId">The signed-in user, or null for a guest.</param>
/// <param name="GuestKeyHash">SHA-256 (hex) of a guest's cart key; null for a signed-in user.</param>
/// <param name="IsAdmin">Whether the caller administers the shop.</param>
/// <param name="CartKey">A guest's cart key as sent (never stored); null for a signed-in user.</param>
/// <param name="Email">A signed-in user's account e-mail; null for a guest.</param>
/// <param name="FirstName">A signed-in user's first name from their token, if the account has one.</param>
/// <param name="LastName">A signed-in user's last name from their token, if the account has one.</param>
internal sealed record OrderCaller(
    Guid? UserId, string? GuestKeyHash, bool IsAdmin, string? CartKey = null, string? Email = null, string? FirstName = null, string? LastName = null)
{
    /// <summary>What the status history records as the actor.</summary>
    public string Actor => UserId?.ToString() ?? "guest";

    /// <summary>
    /// Reads the caller: 401 for an anonymous caller without a cart key, 403 for a signed-in caller
    /// (a service token, say) that is neither a shopper nor an administrator.
    /// </summary>
    public static (OrderCaller? Caller, ApiErrorResult? Error) From(HttpContext context)
        => From(context, "see orders", $"Sign in, or send the {CartKeyHeader.Name} your order was placed with");

    /// <summary>Reads the caller, with the 403 and 401 texts of the endpoint that asks.</summary>
    /// <param name="context">The request.</param>
    /// <param name="action">What only shoppers and administrators may do, for the 403.</param>
    /// <param name="signInMessage">The 401's text.</param>
    public static (OrderCaller? Caller, ApiErrorResult? Error) From(HttpContext context, string action, string signInMessage)
    {
        var principal = context.User;
        if (principal.Identity?.IsAuthenticated == true)
        {
            var admin = principal.IsInRole(MercatoRoles.Admin);
            var shopper = admin || principal.IsInRole(MercatoRoles.Customer) || principal.IsInRole(MercatoRoles.Premium);
            return shopper && Guid.TryParse(principal.FindFirstValue(MercatoClaims.Subject), out var userId)
                ? (new OrderCaller(
                    userId,
                    null,
                    admin,
                    Email: principal.FindFirstValue(MercatoClaims.Email),
                    FirstName: principal.FindFirstValue(MercatoClaims.GivenName),
                    LastName: principal.FindFirstValue(MercatoClaims.FamilyName)), null)
                : (null, ApiResults.Error(StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, $"Only shoppers and administrators {action}"));
        }

        var key = context.Request.Headers[CartKeyHeader.Name].ToString().Trim();
        return key.Length is > 0 and <= 200
            ? (new OrderCaller(null, HashOf(key), false, CartKey: key), null)
            : (null, ApiResults.Error(StatusCodes.Status401Unauthorized, ErrorCodes.Unauthorized, signInMessage));
    }

    /// <summary>SHA-256 (hex) of a guest's cart key, as orders store it.</summary>
    public static string HashOf(string cartKey) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(cartKey)));

    /// <summary>
    /// The orders this caller may see: an administrator every order, a shopper their own and a
    /// guest those placed with their key. Archived orders are kept for audit, and only an
    /// administrator reaching one by its id still sees it.
    /// </summary>
    public IQueryable<Order> Visible(IQueryable<Order> orders) => IsAdmin
        ? orders
        : UserId is { } userId
            ? orders.Where(o => o.UserId == userId && !o.IsArchived)
            : orders.Where(o => o.GuestKeyHash == GuestKeyHash && !o.IsArchived);
}
