using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Microsoft.AspNetCore.Http;

namespace Mercato.Platform.Versioning;

/// <summary>
/// The <c>X-API-Version</c> header (seed 004's SDKs send it). Version 1 is the only one, spelled
/// <c>1</c>, <c>v1</c> or <c>1.0</c> (case-insensitive): the response echoes the value sent, or
/// says <c>1</c> when none was sent. Any other value answers 400 <c>UNSUPPORTED_API_VERSION</c>
/// before anything runs, so a client never gets version 1's answer to a question asked of another.
/// A route marked <see cref="DeprecationExtensions.Deprecated{TBuilder}"/> also answers its
/// <see cref="DeprecationHeaders"/>.
/// </summary>
internal sealed class ApiVersionMiddleware(RequestDelegate next)
{
    /// <summary>The header's name.</summary>
    public const string HeaderName = "X-API-Version";

    /// <summary>The version this server speaks.</summary>
    public const string Current = "1";

    private static readonly string[] Accepted = ["1", "v1", "1.0"];

    public Task InvokeAsync(HttpContext context)
    {
        var sent = context.Request.Headers[HeaderName];
        var value = sent.Count == 1 ? sent[0]?.Trim() : null;
        if (sent.Count > 0 && (value is null || !Accepted.Contains(value, StringComparer.OrdinalIgnoreCase)))
        {
            context.Response.Headers[HeaderName] = Current;
            return ErrorResponseWriter.WriteAsync(
                context,
                StatusCodes.Status400BadRequest,
                ErrorCodes.UnsupportedApiVersion,
                $"API version '{sent}' is not supported; send {HeaderName}: {Current} (or v1, 1.0), or leave the header out",
                HeaderName);
        }

        var echoed = value ?? Current;
        context.Response.OnStarting(static state =>
        {
            var (http, version) = ((HttpContext, string))state;
            http.Response.Headers[HeaderName] = version;
            DeprecationHeaders.Apply(http);
            return Task.CompletedTask;
        }, (context, echoed));
        return next(context);
    }
}
