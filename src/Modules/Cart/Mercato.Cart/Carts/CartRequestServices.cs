using Mercato.Cart.Data;
using Mercato.Cart.Pricing;
using Mercato.Catalog.Contracts;
using Mercato.Platform.Errors;
using Mercato.Platform.Http;
using Mercato.Platform.Persistence;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Mercato.Cart.Carts;

/// <summary>What every shopper cart endpoint needs, bound with <c>[AsParameters]</c>.</summary>
/// <param name="Http">The request.</param>
/// <param name="Db">The Cart's database.</param>
/// <param name="Store">Finds and creates carts.</param>
/// <param name="Quoter">Prices carts.</param>
/// <param name="Catalog">The catalog.</param>
/// <param name="Options">The Cart's settings.</param>
/// <param name="Time">The clock.</param>
/// <param name="Writes">The platform's retry policy for writes that race.</param>
internal sealed record CartRequestServices(
    HttpContext Http,
    [FromServices] CartDbContext Db,
    [FromServices] CartStore Store,
    [FromServices] CartQuoter Quoter,
    [FromServices] ICatalogClient Catalog,
    [FromServices] IOptions<CartOptions> Options,
    [FromServices] TimeProvider Time,
    [FromServices] ConcurrentWrites Writes)
{
    /// <summary>Who is asking.</summary>
    public CartCaller Caller { get; } = CartCaller.From(Http);

    /// <summary>
    /// The caller's cart for a write. A signed-in user's cart and a new guest's cart are created
    /// when <paramref name="create"/> is set; a guest key that matches no cart gives null (404).
    /// </summary>
    public async Task<OpenedCart?> OpenAsync(bool create, CancellationToken cancellationToken)
    {
        if (Caller.Owner is { } owner)
        {
            var cart = await Store.FindAsync(owner, cancellationToken);
            if (cart is null && create && Caller.UserId is { } userId)
            {
                cart = Store.CreateForUser(userId);
            }

            return cart is null ? null : new OpenedCart(cart, Caller.CartKey);
        }

        if (!create)
        {
            return null;
        }

        var (created, key) = Store.CreateForGuest();
        return new OpenedCart(created, key);
    }

    /// <summary>
    /// Runs a cart write again when a concurrent write to the same cart got in first (its version
    /// changed, or two first writes raced to create the same user's cart or line): each attempt
    /// reloads and re-decides from the fresh state, so no change is lost and no limit is passed.
    /// Each round lets at least one writer through; after the policy's bound the answer is 409.
    /// </summary>
    public Task<TResult> RetryAsync<TResult>(Func<Task<TResult>> attempt, Func<ApiErrorResult, TResult> conflict, CancellationToken cancellationToken)
        => Writes.RetryAsync(Db, attempt, _ => conflict(CartConflicts.Conflict()), cancellationToken);

    /// <summary>Sends a guest's key back in <c>X-Cart-Key</c>.</summary>
    public void EchoKey(string? cartKey)
    {
        if (cartKey is not null)
        {
            Http.Response.Headers[CartKeyHeader.Name] = cartKey;
        }
    }
}
