using Mercato.Web.Api;
using Mercato.Web.Session;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Mercato.Web.Components.Admin.Catalog;

/// <summary>
/// <c>GET /admin/products/export.csv</c>: the Catalog API's CSV export passed through to the
/// administrator's browser as a download (a page cannot answer a file).
/// </summary>
internal static class ProductCsvDownload
{
    /// <summary>The download's path.</summary>
    public const string Path = "/admin/products/export.csv";

    /// <summary>Maps the download (administrators only).</summary>
    public static IEndpointConventionBuilder MapProductCsvDownload(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Path, async (ShopApi api, HttpContext http) =>
        {
            var file = await api.GetFileAsync("api/v1/catalog/products/export", http.RequestAborted);
            http.Response.Headers.CacheControl = "no-store";
            return file.Ok
                ? Results.File(file.Content, file.ContentType, file.FileName ?? "products.csv")
                : Results.Text(string.Join("\n", file.Errors), "text/plain", statusCode: (int)file.Status);
        })
        .RequireAuthorization(WebAuth.AdminPolicy)
        .ExcludeFromDescription();
}
