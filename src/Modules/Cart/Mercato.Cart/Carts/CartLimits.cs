using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Microsoft.AspNetCore.Http;

namespace Mercato.Cart.Carts;

/// <summary>The checks every quantity change passes: the cart's limits, then the catalog's stock.</summary>
internal static class CartLimits
{
    /// <summary>
    /// Why a line of <paramref name="cart"/> may not hold <paramref name="quantity"/> units
    /// (<paramref name="line"/> is null for a new line), or null when it may.
    /// </summary>
    public static ApiErrorResult? Check(ShoppingCart cart, CartItem? line, int quantity, CartOptions options)
    {
        if (quantity > options.MaxQuantityPerLine)
        {
            return ApiResults.BadRequest(
                "quantity", $"A cart holds at most {options.MaxQuantityPerLine} units of one product; this line would have {quantity}");
        }

        if (line is null && cart.Items.Count >= options.MaxLinesPerCart)
        {
            return ApiResults.Conflict(ErrorCodes.Conflict, $"A cart holds at most {options.MaxLinesPerCart} different products", "productId");
        }

        var units = cart.Items.Where(i => i != line).Sum(i => i.Quantity) + quantity;
        return units > options.MaxUnitsPerCart
            ? ApiResults.Conflict(ErrorCodes.Conflict, $"A cart holds at most {options.MaxUnitsPerCart} units in all; it would have {units}", "quantity")
            : null;
    }

    /// <summary>Seed 004's stock error: 409 INSUFFICIENT_STOCK with <c>availableStock</c> and <c>requestedQuantity</c>.</summary>
    public static ApiErrorResult Shortage(Guid productId, int availableStock, int requestedQuantity)
        => new(StatusCodes.Status409Conflict, "Insufficient stock", [
            new ApiError(
                ErrorCodes.InsufficientStock,
                availableStock == 0 ? "This product is out of stock" : $"Only {availableStock} items available, requested {requestedQuantity}",
                "quantity")
            {
                Details = new Dictionary<string, object?>
                {
                    ["productId"] = productId,
                    ["availableStock"] = availableStock,
                    ["requestedQuantity"] = requestedQuantity,
                },
            },
        ]);
}
