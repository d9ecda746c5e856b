using Mercato.Catalog.Contracts;
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

/// <summary>
/// The lines of the caller's cart: <c>/api/v1/cart/items</c>. Signed-in users and guests alike; a
/// guest's first add creates a cart and answers its key. Quantities pass the cart's limits and,
/// when they grow, the catalog's available stock; prices always come from the catalog.
/// </summary>
internal static class CartItemsApi
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapCartItemsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.ModuleGroup(CartModule.Descriptor).MapGroup("/api/v1/cart/items").WithTags("Cart").AllowAnonymous()
            .WithAliases(a => a
                .Header("cart_key", Mercato.Platform.Http.CartKeyHeader.Name) // seed 000
                .Field("product_id", "productId") // seed 000
                .Field("qty", "quantity") // seed 001
                .NotNull("quantity"))
            .AcceptsGuestCartKey(required: false);
        group.MapPost("/", AddAsync).WithName("AddCartItem")
            .WithSummary("Adds a product to the cart (to its line when already there); a guest without X-Cart-Key gets a new cart and its key");
        group.MapPut("/{itemId:guid}", SetAsync).WithName("SetCartItemQuantity").WithSummary("Sets a line's quantity");
        group.MapPatch("/{itemId:guid}", ChangeAsync).WithName("ChangeCartItemQuantity")
            .WithSummary("Changes a line's quantity by +n/-n (or sets it); at 0 or below the line is removed (204)");
        group.MapDelete("/{itemId:guid}", RemoveAsync).WithName("RemoveCartItem").WithSummary("Removes a line");
        return endpoints;
    }

    private static async Task<Results<Created<ApiResponse<CartItemResponse>>, ApiErrorResult>> AddAsync(
        AddItemRequest request, [AsParameters] CartRequestServices s, CancellationToken cancellationToken)
    {
        if (s.Caller.CartKey is not null && !CartKeys.IsWellFormed(s.Caller.CartKey))
        {
            return CartNotFound();
        }

        var productId = request.ProductId!.Value;
        var added = request.Quantity ?? 1;
        return await s.RetryAsync<Results<Created<ApiResponse<CartItemResponse>>, ApiErrorResult>>(async () =>
        {
            if (await s.OpenAsync(create: true, cancellationToken) is not { } opened)
            {
                return CartNotFound();
            }

            var product = (await s.Catalog.GetProductsAsync([productId], cancellationToken)).SingleOrDefault();
            if (product is null)
            {
                return ApiResults.Error(StatusCodes.Status404NotFound, ErrorCodes.NotFound, $"Product '{productId}' not found", "productId");
            }

            if (!product.Available)
            {
                return ApiResults.Conflict(ErrorCodes.Conflict, $"Product '{product.Name}' is not available", "productId");
            }

            var cart = opened.Cart;
            var line = cart.Items.FirstOrDefault(i => i.ProductId == productId);
            var quantity = (line?.Quantity ?? 0) + added;
            if (CartLimits.Check(cart, line, quantity, s.Options.Value) is { } refused)
            {
                return refused;
            }

            if (quantity > product.AvailableStock)
            {
                return CartLimits.Shortage(productId, product.AvailableStock, quantity);
            }

            var now = s.Time.GetUtcNow().UtcDateTime;
            if (line is null)
            {
                line = new CartItem { Id = Guid.CreateVersion7(), CartId = cart.Id, ProductId = productId, AddedAt = now };
                cart.Items.Add(line);
                s.Db.CartItems.Add(line);
            }

            Choose(line, product, quantity, now);
            s.Store.Touch(cart);
            await s.Db.SaveChangesAsync(cancellationToken);
            var answer = await ItemAsync(s, opened, line, cancellationToken);
            return ApiResults.Created($"/api/v1/cart/items/{line.Id}", answer, "Item added to cart");
        }, e => e, cancellationToken);
    }

    private static Task<Results<Ok<ApiResponse<CartItemResponse>>, NoContent, ApiErrorResult>> SetAsync(
        Guid itemId, SetQuantityRequest request, [AsParameters] CartRequestServices s, CancellationToken cancellationToken)
        => UpdateAsync(itemId, _ => request.Quantity!.Value, s, cancellationToken);

    private static Task<Results<Ok<ApiResponse<CartItemResponse>>, NoContent, ApiErrorResult>> ChangeAsync(
        Guid itemId, ChangeQuantityRequest request, [AsParameters] CartRequestServices s, CancellationToken cancellationToken)
        => UpdateAsync(itemId, current => request.Quantity ?? current + request.Change!.Value, s, cancellationToken);

    private static async Task<Results<Ok<ApiResponse<CartItemResponse>>, NoContent, ApiErrorResult>> UpdateAsync(
        Guid itemId, Func<int, int> newQuantity, CartRequestServices s, CancellationToken cancellationToken)
        => await s.RetryAsync<Results<Ok<ApiResponse<CartItemResponse>>, NoContent, ApiErrorResult>>(async () =>
        {
            if (await s.OpenAsync(create: false, cancellationToken) is not { } opened
                || opened.Cart.Items.FirstOrDefault(i => i.Id == itemId) is not { } line)
            {
                return ItemNotFound(itemId);
            }

            var cart = opened.Cart;
            var quantity = newQuantity(line.Quantity);
            var now = s.Time.GetUtcNow().UtcDateTime;
            if (quantity <= 0)
            {
                cart.Items.Remove(line);
                s.Db.CartItems.Remove(line);
                s.Store.Touch(cart);
                await s.Db.SaveChangesAsync(cancellationToken);
                s.EchoKey(opened.CartKey);
                return TypedResults.NoContent();
            }

            if (CartLimits.Check(cart, line, quantity, s.Options.Value) is { } refused)
            {
                return refused;
            }

            var product = (await s.Catalog.GetProductsAsync([line.ProductId], cancellationToken)).SingleOrDefault();
            if (quantity > line.Quantity)
            {
                if (product is not { Available: true })
                {
                    return ApiResults.Conflict(ErrorCodes.Conflict, $"Product '{line.ProductName}' is no longer available; remove it from the cart", "quantity");
                }

                if (quantity > product.AvailableStock)
                {
                    return CartLimits.Shortage(line.ProductId, product.AvailableStock, quantity);
                }
            }

            if (product is null)
            {
                line.Available = false;
                line.Quantity = quantity;
                line.UpdatedAt = now;
            }
            else
            {
                Choose(line, product, quantity, now);
            }

            s.Store.Touch(cart);
            await s.Db.SaveChangesAsync(cancellationToken);
            return ApiResults.Ok(await ItemAsync(s, opened, line, cancellationToken), "Cart item updated");
        }, e => e, cancellationToken);

    private static async Task<Results<NoContent, ApiErrorResult>> RemoveAsync(
        Guid itemId, [AsParameters] CartRequestServices s, CancellationToken cancellationToken)
        => await s.RetryAsync<Results<NoContent, ApiErrorResult>>(async () =>
        {
            if (await s.OpenAsync(create: false, cancellationToken) is not { } opened
                || opened.Cart.Items.FirstOrDefault(i => i.Id == itemId) is not { } line)
            {
                return ItemNotFound(itemId);
            }

            opened.Cart.Items.Remove(line);
            s.Db.CartItems.Remove(line);
            s.Store.Touch(opened.Cart);
            await s.Db.SaveChangesAsync(cancellationToken);
            s.EchoKey(opened.CartKey);
            return TypedResults.NoContent();
        }, e => e, cancellationToken);

    /// <summary>Sets a line's quantity with the catalog's current facts; the price shown now is the one the shopper accepted.</summary>
    private static void Choose(CartItem line, ProductSnapshot product, int quantity, DateTime now)
    {
        Pricing.CartQuoter.Refresh(line, product);
        line.Quantity = quantity;
        line.PriceWhenAdded = product.Price;
        line.UpdatedAt = now;
    }

    private static async Task<CartItemResponse> ItemAsync(CartRequestServices s, OpenedCart opened, CartItem line, CancellationToken cancellationToken)
    {
        var quote = await s.Quoter.QuoteAsync(opened.Cart, cancellationToken);
        s.EchoKey(opened.CartKey);
        return CartItemResponse.From(quote.Lines.Single(l => l.Item.Id == line.Id)) with { CartKey = opened.CartKey };
    }

    private static ApiErrorResult CartNotFound() => ApiResults.NotFound("Cart not found");

    private static ApiErrorResult ItemNotFound(Guid itemId) => ApiResults.NotFound($"Cart item '{itemId}' not found");
}
