using Mercato.Platform.OpenApi;
using Microsoft.AspNetCore.Http;
using Scalar.AspNetCore;

namespace Mercato.Platform.Security;

/// <summary>
/// Conservative security headers on every response. The API serves JSON only, so the policy
/// forbids everything; the interactive docs page gets the relaxed policy it needs.
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    private const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";

    // The reference's bundle and its documents come from this origin; its one inline script runs
    // under the per-response nonce it is rendered with; it injects styles at run time.
    private const string DocsPolicyRest =
        "; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            if (!headers.ContainsKey("Content-Security-Policy"))
            {
                headers.ContentSecurityPolicy = ContentSecurityPolicy.Of(http)
                    ?? (http.Request.Path.StartsWithSegments(OpenApiSetup.ReferenceRoute) ? DocsPolicyFor(http) : ApiPolicy);
            }

            if (NoStore.Applies(http))
            {
                headers.CacheControl = NoStore.CacheControl;
            }

            if (http.Request.IsHttps)
            {
                headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
            }

            return Task.CompletedTask;
        }, context);
        return next(context);
    }

    private static string DocsPolicyFor(HttpContext context)
    {
        var nonce = context.Items[ScalarOptions.NonceHttpContextItemKey] as string;
        return nonce is null
            ? "default-src 'self'; script-src 'self'" + DocsPolicyRest
            : $"default-src 'self'; script-src 'self' 'nonce-{nonce}'" + DocsPolicyRest;
    }
}
