using Mercato.Platform.Binding;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Mercato.Platform.Hosting;
using Mercato.Platform.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Mercato.Cart.Carts;

/// <summary><c>GET</c> and <c>DELETE /api/v1/cart</c>: the caller's cart, priced now, and emptying it.</summary>
internal static class CartApi
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapCartApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.ModuleGroup(CartModule.Descriptor).MapGroup("/api/v1/cart").WithTags("Cart").AllowAnonymous()
            .WithAliases(a => a.Header("cart_key", Mercato.Platform.Http.CartKeyHeader.Name))
            .AcceptsGuestCartKey(required: false);
        group.MapGet("/", GetAsync).WithName("GetCart")
            .WithSummary("The caller's cart priced with the catalog's current prices and stock (a guest sends X-Cart-Key)");
        group.MapDelete("/", ClearAsync).WithName("ClearCart").WithSummary("Removes every line and the coupon from the caller's cart");
        return endpoints;
    }

    private static async Task<Results<Ok<ApiResponse<CartResponse>>, ApiErrorResult>> GetAsync(
        [AsParameters] CartRequestServices s, CancellationToken cancellationToken)
    {
        if (await s.OpenAsync(create: false, cancellationToken) is not { } opened)
        {
            return s.Caller.CartKey is not null
                ? ApiResults.NotFound("Cart not found")
                : ApiResults.Ok(CartResponse.Empty(s.Caller.UserId, s.Options.Value.TaxRate));
        }

        var quote = await s.Quoter.QuoteAsync(opened.Cart, cancellationToken);
        s.EchoKey(opened.CartKey);
        return ApiResults.Ok(CartResponse.From(quote, opened.CartKey));
    }

    private static async Task<Results<NoContent, ApiErrorResult>> ClearAsync(
        [AsParameters] CartRequestServices s, CancellationToken cancellationToken)
        => await s.RetryAsync<Results<NoContent, ApiErrorResult>>(async () =>
        {
            if (await s.OpenAsync(create: false, cancellationToken) is not { } opened)
            {
                return s.Caller.CartKey is not null ? ApiResults.NotFound("Cart not found") : TypedResults.NoContent();
            }

            s.Store.Empty(opened.Cart);
            await s.Db.SaveChangesAsync(cancellationToken);
            s.EchoKey(opened.CartKey);
            return TypedResults.NoContent();
        }, e => e, cancellationToken);
}
