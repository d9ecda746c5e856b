using System.Security.Claims;
using Mercato.Cart.Contracts;
using Mercato.Platform.Auth;
using Mercato.Platform.Http;
using Microsoft.AspNetCore.Http;

namespace Mercato.Cart.Carts;

/// <summary>
/// Who is asking for a cart: a signed-in user (their own cart; any <c>X-Cart-Key</c> is ignored
/// until they merge it), or a guest with or without a key.
/// </summary>
/// <param name="UserId">The signed-in user, if any.</param>
/// <param name="CartKey">The guest's key as sent, if any.</param>
internal sealed record CartCaller(Guid? UserId, string? CartKey)
{
    /// <summary>Reads the caller from the request.</summary>
    public static CartCaller From(HttpContext context)
    {
        var subject = context.User.FindFirstValue(MercatoClaims.Subject);
        if (context.User.Identity?.IsAuthenticated == true && Guid.TryParse(subject, out var userId))
        {
            return new CartCaller(userId, null);
        }

        var key = context.Request.Headers[CartKeyHeader.Name].ToString();
        return new CartCaller(null, string.IsNullOrWhiteSpace(key) ? null : key.Trim());
    }

    /// <summary>A guest who has not got a cart yet.</summary>
    public bool IsNewGuest => UserId is null && CartKey is null;

    /// <summary>The owner to look the cart up by; null for a guest without a key.</summary>
    public CartOwner? Owner => UserId is { } id ? CartOwner.User(id) : CartKey is { } key ? CartOwner.Guest(key) : null;
}
