using Mercato.Cart.Contracts;
using Mercato.Ordering.Orders;
using Mercato.Platform.Errors;
using Mercato.Platform.Http;
using Microsoft.AspNetCore.Http;

namespace Mercato.Ordering.Checkout;

/// <summary>
/// Who places an order: a signed-in customer (their account's cart and e-mail), or a guest with
/// the <c>X-Cart-Key</c> of their cart and the contact details from the body.
/// </summary>
/// <param name="UserId">The signed-in customer, or null for a guest.</param>
/// <param name="CartKey">A guest's cart key (never stored; only its hash is).</param>
/// <param name="Email">The account's e-mail for a customer; null for a guest until the body gives one.</param>
/// <param name="FirstName">The account's first name for a customer, used when the body gives none.</param>
/// <param name="LastName">The account's last name for a customer, used when the body gives none.</param>
internal sealed record Buyer(Guid? UserId, string? CartKey, string? Email, string? FirstName = null, string? LastName = null)
{
    /// <summary>The cart to order from.</summary>
    public CartOwner Cart => UserId is { } id ? CartOwner.User(id) : CartOwner.Guest(CartKey!);

    /// <summary>SHA-256 (hex) of a guest's cart key; null for a customer.</summary>
    public string? GuestKeyHash => CartKey is null ? null : OrderCaller.HashOf(CartKey);

    /// <summary>Who wrote the order's first history entry.</summary>
    public string Actor => UserId?.ToString() ?? "guest";

    /// <summary>
    /// Reads the buyer from the request (<see cref="OrderCaller"/>): 401 for an anonymous caller
    /// without a cart key, 403 for a signed-in caller (a service token, say) without a shopper's role.
    /// </summary>
    public static (Buyer? Buyer, ApiErrorResult? Error) From(HttpContext context)
    {
        var (caller, error) = OrderCaller.From(
            context, "place orders", $"Sign in, or send your guest cart's {CartKeyHeader.Name}, to place an order");
        return caller is null ? (null, error) : (new Buyer(caller.UserId, caller.CartKey, caller.Email, caller.FirstName, caller.LastName), null);
    }
}
