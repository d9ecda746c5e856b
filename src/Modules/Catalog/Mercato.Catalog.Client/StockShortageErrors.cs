using Mercato.Catalog.Contracts;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Microsoft.AspNetCore.Http;

namespace Mercato.Catalog.Client;

/// <summary>
/// Seed 004's stock error for whoever reports a failed reservation (the Catalog's reservation
/// endpoint, Ordering's checkout): 409 with one <c>INSUFFICIENT_STOCK</c> per short line,
/// carrying <c>productId</c>, <c>availableStock</c> and <c>requestedQuantity</c>.
/// </summary>
public static class StockShortageErrors
{
    /// <summary>The error answer for <paramref name="shortages"/>.</summary>
    /// <param name="shortages">The lines that could not be held.</param>
    /// <param name="describe">For a product id: the request field naming its line, and how to call the product when none is left.</param>
    public static ApiErrorResult Answer(IReadOnlyList<StockShortage> shortages, Func<Guid, (string Field, string Label)> describe)
    {
        var errors = shortages.Select(s =>
        {
            var (field, label) = describe(s.ProductId);
            return new ApiError(
                ErrorCodes.InsufficientStock,
                s.AvailableStock == 0
                    ? $"{label} is out of stock or not available, requested {s.RequestedQuantity}"
                    : $"Only {s.AvailableStock} items available, requested {s.RequestedQuantity}",
                field)
            {
                Details = new Dictionary<string, object?>
                {
                    ["productId"] = s.ProductId,
                    ["availableStock"] = s.AvailableStock,
                    ["requestedQuantity"] = s.RequestedQuantity,
                },
            };
        }).ToList();
        return new ApiErrorResult(StatusCodes.Status409Conflict, "Insufficient stock", errors);
    }
}
