using Mercato.Catalog.Contracts;
using Mercato.Platform.Auth;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Mercato.Platform.Hosting;
using Mercato.Platform.Http;
using Mercato.Platform.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Mercato.Cart.Carts;

/// <summary>
/// <c>POST /api/v1/cart/merge</c>: after signing in, a shopper's guest cart joins their cart.
/// Quantities are added, capped by the catalog's stock and the cart's limits; the guest's coupon
/// is kept when the user's cart has none; the guest cart is removed, so its key stops working.
/// </summary>
internal static class CartMergeApi
{
    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapCartMergeApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.ModuleGroup(CartModule.Descriptor).MapPost("/api/v1/cart/merge", MergeAsync).WithTags("Cart").WithName("MergeCart")
            .WithSummary("Merges a guest cart (key in the body or X-Cart-Key) into the signed-in user's cart and retires it")
            .WithMetadata(NotFoundResponseMetadata.Instance)
            .RequireCustomer();
        return endpoints;
    }

    private static async Task<Results<Ok<ApiResponse<MergeResponse>>, ApiErrorResult>> MergeAsync(
        MergeCartRequest? request, [AsParameters] CartRequestServices s, CancellationToken cancellationToken)
    {
        var key = string.IsNullOrWhiteSpace(request?.CartKey) ? s.Http.Request.Headers[CartKeyHeader.Name].ToString().Trim() : request.CartKey.Trim();
        if (string.IsNullOrEmpty(key))
        {
            return ApiResults.BadRequest("cartKey", "Send the guest cart's key in 'cartKey' or in the X-Cart-Key header");
        }

        if (s.Caller.UserId is not { } userId)
        {
            return ApiResults.Error(StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, "Only a signed-in shopper has a cart to merge into");
        }

        return await s.RetryAsync<Results<Ok<ApiResponse<MergeResponse>>, ApiErrorResult>>(async () =>
        {
            if (await s.Store.FindAsync(Contracts.CartOwner.Guest(key), cancellationToken) is not { } guest)
            {
                return ApiResults.NotFound("Guest cart not found");
            }

            var cart = await s.Store.FindAsync(Contracts.CartOwner.User(userId), cancellationToken) ?? s.Store.CreateForUser(userId);
            var products = (await s.Catalog.GetProductsAsync(guest.Items.Select(i => i.ProductId).ToList(), cancellationToken)).ToDictionary(p => p.Id);
            var adjustments = new List<MergeAdjustment>();
            var now = s.Time.GetUtcNow().UtcDateTime;
            foreach (var guestLine in guest.Items.OrderBy(i => i.AddedAt).ThenBy(i => i.Id))
            {
                if (Merge(s, cart, guestLine, products.GetValueOrDefault(guestLine.ProductId), now) is { } adjustment)
                {
                    adjustments.Add(adjustment);
                }
            }

            cart.CouponCode ??= guest.CouponCode;
            s.Store.Touch(cart);
            s.Db.Carts.Remove(guest);
            await s.Db.SaveChangesAsync(cancellationToken);
            var quote = await s.Quoter.QuoteAsync(cart, cancellationToken);
            return ApiResults.Ok(new MergeResponse(CartResponse.From(quote, null), adjustments), "Guest cart merged");
        }, e => e, cancellationToken);
    }

    private static MergeAdjustment? Merge(CartRequestServices s, ShoppingCart cart, CartItem guestLine, ProductSnapshot? product, DateTime now)
    {
        var options = s.Options.Value;
        var line = cart.Items.FirstOrDefault(i => i.ProductId == guestLine.ProductId);
        var current = line?.Quantity ?? 0;
        var requested = current + guestLine.Quantity;
        if (product is not { Available: true })
        {
            return new MergeAdjustment(guestLine.ProductId, guestLine.ProductName, requested, current, "unavailable");
        }

        if (line is null && cart.Items.Count >= options.MaxLinesPerCart)
        {
            return new MergeAdjustment(guestLine.ProductId, product.Name, requested, 0, "cartLimit");
        }

        var otherUnits = cart.Items.Where(i => i != line).Sum(i => i.Quantity);
        var (merged, reason) = Cap(requested, (product.AvailableStock, "insufficientStock"), (options.MaxQuantityPerLine, "lineLimit"), (options.MaxUnitsPerCart - otherUnits, "cartLimit"));
        merged = Math.Max(merged, current);
        if (merged == current && line is not null)
        {
            return new MergeAdjustment(guestLine.ProductId, product.Name, requested, current, reason!);
        }

        if (merged <= 0)
        {
            return new MergeAdjustment(guestLine.ProductId, product.Name, requested, 0, reason!);
        }

        if (line is null)
        {
            line = new CartItem { Id = Guid.CreateVersion7(), CartId = cart.Id, ProductId = product.Id, AddedAt = guestLine.AddedAt };
            cart.Items.Add(line);
            s.Db.CartItems.Add(line);
        }

        Pricing.CartQuoter.Refresh(line, product);
        line.Quantity = merged;
        line.PriceWhenAdded = current == 0 ? guestLine.PriceWhenAdded : line.PriceWhenAdded;
        line.UpdatedAt = now;
        return reason is null ? null : new MergeAdjustment(guestLine.ProductId, product.Name, requested, merged, reason);
    }

    private static (int Quantity, string? Reason) Cap(int requested, params (int Limit, string Reason)[] limits)
    {
        var (quantity, reason) = (requested, (string?)null);
        foreach (var (limit, name) in limits)
        {
            if (limit < quantity)
            {
                (quantity, reason) = (Math.Max(limit, 0), name);
            }
        }

        return (quantity, reason);
    }
}
