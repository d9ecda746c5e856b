using System.Security.Claims;
using Mercato.Web.Api;

namespace Mercato.Web.Components.Account;

/// <summary>
/// Finds one of the signed-in shopper's orders by its number: the shopper's own list narrowed with
/// <c>orderNumber=</c>. Another customer's number is simply not in that list: not found, as the API
/// answers for a stranger's id.
/// </summary>
internal static class OrderLookup
{
    /// <summary>The id of the shopper's order <paramref name="orderNumber"/>, or null when they have none by that number.</summary>
    public static async Task<Guid?> FindAsync(ShopApi api, ClaimsPrincipal user, string orderNumber, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(orderNumber) || orderNumber.Length > 32)
        {
            return null;
        }

        var query = MineQuery(user, 1, 1) + "&orderNumber=" + Uri.EscapeDataString(orderNumber.Trim());
        var answer = await api.GetAsync<ApiPage<OrderSummary>>(query, cancellationToken);
        return answer.Ok && answer.Data is { } orders
            ? orders.Items.FirstOrDefault(o => string.Equals(o.OrderNumber, orderNumber.Trim(), StringComparison.OrdinalIgnoreCase))?.Id
            : null;
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
