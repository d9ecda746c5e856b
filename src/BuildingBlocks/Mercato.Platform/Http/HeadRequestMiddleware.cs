using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Mercato.Platform.Http;

/// <summary>
/// Answers <c>HEAD</c> on every <c>GET</c> route (minimal APIs map <c>MapGet</c> to GET only): the
/// request runs through the whole pipeline as a GET, so status, headers (<c>ETag</c>,
/// <c>X-RateLimit-*</c>, caching) and authorisation are exactly GET's, while the body is counted
/// and dropped. <c>Content-Length</c> is the length GET would have sent, as RFC 9110 allows.
/// </summary>
internal sealed class HeadRequestMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }

        var original = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        var discarding = new HeadResponseBody();
        context.Features.Set<IHttpResponseBodyFeature>(discarding);
        context.Request.Method = HttpMethods.Get;
        try
        {
            await next(context);
            if (!context.Response.HasStarted && context.Response.ContentLength is null && discarding.Length > 0)
            {
                context.Response.ContentLength = discarding.Length;
            }
        }
        finally
        {
            context.Request.Method = HttpMethods.Head;
            context.Features.Set(original);
        }
    }
}
