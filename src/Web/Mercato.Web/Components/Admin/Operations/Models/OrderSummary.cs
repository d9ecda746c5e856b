namespace Mercato.Web.Components.Admin.Operations.Models;

/// <summary>An order in the dashboard's list.</summary>
/// <param name="Id">The API's <c>id</c>.</param>
/// <param name="OrderNumber">The API's <c>orderNumber</c>.</param>
/// <param name="Status">The API's <c>status</c>.</param>
/// <param name="ItemCount">The API's <c>itemCount</c>.</param>
/// <param name="Total">The API's <c>total</c>.</param>
/// <param name="IsPaid">The API's <c>isPaid</c>.</param>
/// <param name="CreatedAt">The API's <c>createdAt</c>.</param>
public sealed record OrderSummary(
    Guid Id,
    string OrderNumber,
    string Status,
    int ItemCount,
    decimal Total,
    bool IsPaid,
    DateTime CreatedAt);
