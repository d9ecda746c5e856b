using Microsoft.AspNetCore.Http;

namespace Mercato.Platform.Idempotency;

/// <summary>
/// Buffers the request body of idempotent endpoints that carry an <c>Idempotency-Key</c>, before
/// model binding reads it, so the filter can hash the body exactly as sent.
/// </summary>
internal sealed class IdempotencyBufferingMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<IdempotencyMetadata>() is not null
            && context.Request.Headers.ContainsKey(IdempotencyKey.HeaderName))
        {
            context.Request.EnableBuffering();
        }

        return next(context);
    }
}
