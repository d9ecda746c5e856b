using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Mercato.Web;

/// <summary>The shop's colours (<c>Web:BrandColor</c>) as a stylesheet, so pages need no inline style under the Content-Security-Policy.</summary>
internal static class BrandStylesheet
{
    /// <summary>Maps <c>GET /web/brand.css</c>.</summary>
    public static IEndpointConventionBuilder MapBrandStylesheet(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/web/brand.css", (IOptions<WebOptions> options, HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "public, max-age=300";
            return Results.Text($":root {{ --brand: {options.Value.BrandColor}; }}\n", "text/css");
        }).ExcludeFromDescription();
}
