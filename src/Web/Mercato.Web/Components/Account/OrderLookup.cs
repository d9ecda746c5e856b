using System.Security.Claims;
using Mercato.Web.Api;

namespace Mercato.Web.Components.Account;

/// <summary>
/// Finds one of the signed-in shopper's orders by its number: the API reads orders by id only, so
/// the shopper's own list is searched (100 a page, newest first). Another customer's number is
/// simply not in the list: not found, as the API answers for a stranger's id.
/// </summary>
internal static class OrderLookup
{
    private const int PageSize = 100;
    private const int MaxPages = 100;

    /// <summary>The id of the shopper's order <paramref name="orderNumber"/>, or null when they have none by that number.</summary>
    public static async Task<Guid?> FindAsync(ShopApi api, ClaimsPrincipal user, string orderNumber, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(orderNumber) || orderNumber.Length > 40)
        {
            return null;
        }

        for (var page = 1; page <= MaxPages; page++)
        {
            var answer = await api.GetAsync<ApiPage<OrderSummary>>(MineQuery(user, page, PageSize), cancellationToken);
            if (!answer.Ok || answer.Data is not { } orders)
            {
                return null;
            }

            if (orders.Items.FirstOrDefault(o => string.Equals(o.OrderNumber, orderNumber.Trim(), StringComparison.OrdinalIgnoreCase)) is { } found)
            {
                return found.Id;
            }

            if (page >= orders.TotalPages)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>
    /// The query of the shopper's own orders: an administrator's list holds everyone's, so theirs is
    /// narrowed to their own account (a customer may not use that filter).
    /// </summary>
    public static string MineQuery(ClaimsPrincipal user, int page, int pageSize)
    {
        var query = $"api/v1/orders?pageNumber={page}&pageSize={pageSize}";
        return user.IsInRole("Admin") && user.FindFirstValue(ClaimTypes.NameIdentifier) is { } id
            ? query + "&userId=" + Uri.EscapeDataString(id)
            : query;
    }
}
