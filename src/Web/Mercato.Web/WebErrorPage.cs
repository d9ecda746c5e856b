using System.Text.Encodings.Web;
using Mercato.Platform.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Mercato.Web;

/// <summary>
/// The storefront's error pages: a browser's GET of a page path that answers 404, 405 or 5xx gets a
/// short HTML page in the shop's style (with a way back) instead of the API's JSON envelope. API,
/// health, OpenAPI and discovery paths, and clients that do not ask for HTML, keep the envelope.
/// </summary>
/// <param name="options">The shop's name.</param>
internal sealed class WebErrorPage(IOptions<WebOptions> options) : IBrowserErrorPage
{
    private static readonly string[] ApiPaths = ["/api", "/health", "/openapi", "/.well-known", "/sandbox-pay"];

    /// <inheritdoc />
    public bool Answers(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsPost(request.Method))
        {
            return false;
        }

        if (ApiPaths.Any(p => request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        var accept = request.GetTypedHeaders().Accept;
        return accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
    }

    /// <inheritdoc />
    public async Task WriteAsync(HttpContext context, int statusCode)
    {
        var (title, text) = statusCode switch
        {
            StatusCodes.Status404NotFound => ("Page not found", "There is nothing at this address."),
            StatusCodes.Status403Forbidden => ("You may not open this page", "Your account does not have access to it."),
            >= 500 => ("Something went wrong", "The shop could not show this page. Try again in a moment."),
            _ => ("This request could not be served", "The page could not be shown."),
        };
        var shop = HtmlEncoder.Default.Encode(options.Value.ShopName);
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers[HeaderNames.ContentSecurityPolicy] = WebModule.PagePolicy;
        context.Response.Headers.CacheControl = "no-store";
        var html = $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>{title} · {shop}</title>
            <link rel="stylesheet" href="/_content/Mercato.Web/css/site.css" /><link rel="stylesheet" href="/web/brand.css" /></head>
            <body><header class="site-header"><div class="container header-row"><a class="brand" href="/">{shop}</a></div></header>
            <main id="main" class="container"><h1>{title}</h1><p>{text} <a href="/">Back to the shop</a> or <a href="/products">browse the products</a>.</p>
            <p class="muted">Error {statusCode} · reference {HtmlEncoder.Default.Encode(Mercato.Platform.Correlation.CorrelationContext.CurrentId ?? context.TraceIdentifier)}</p></main></body></html>
            """;
        await context.Response.WriteAsync(html, context.RequestAborted);
    }
}
