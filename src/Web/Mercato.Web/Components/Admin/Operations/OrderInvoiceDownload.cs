using Mercato.Web.Api;
using Mercato.Web.Session;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Mercato.Web.Components.Admin.Operations;

/// <summary>The dashboard's invoice download: the API's PDF of an order, fetched with the administrator's session.</summary>
internal static class OrderInvoiceDownload
{
    /// <summary>Maps <c>GET /web/admin/orders/{id}/invoice</c> (administrators).</summary>
    public static IEndpointConventionBuilder MapOrderInvoiceDownload(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/web/admin/orders/{id:guid}/invoice", async (Guid id, ShopApi api, HttpContext http) =>
        {
            var file = await api.GetFileAsync($"api/v1/orders/{id}/invoice", http.RequestAborted);
            http.Response.Headers.CacheControl = "no-store";
            return file.Ok
                ? Results.File(file.Content, file.ContentType, file.FileName ?? $"{id}.pdf")
                : Results.Text(string.Join(' ', file.Errors), "text/plain", statusCode: (int)file.Status);
        })
        .RequireAuthorization(WebAuth.AdminPolicy)
        .ExcludeFromDescription();
}
