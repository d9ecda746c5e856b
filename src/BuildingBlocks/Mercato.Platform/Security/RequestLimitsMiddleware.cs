using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Mercato.Platform.Security;

/// <summary>
/// The refusals a web server makes on its own (an oversized request target or header block, a NUL
/// in the path), answered here in the error envelope. Kestrel's own limits sit above these
/// (see <see cref="HttpLimitsOptions"/>) so its bodiless answers are not what a client meets.
/// </summary>
internal sealed class RequestLimitsMiddleware(RequestDelegate next, HttpLimitsOptions limits)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(target))
        {
            target = request.PathBase.ToUriComponent() + request.Path.ToUriComponent() + request.QueryString.ToUriComponent();
        }

        if (target.Length > limits.MaxRequestTargetBytes)
        {
            return Refuse(context, StatusCodes.Status414UriTooLong, "Request target too long", ErrorCodes.UriTooLong,
                $"The path and query must not exceed {limits.MaxRequestTargetBytes} bytes", field: null);
        }

        if (HeadersSize(request.Headers) > limits.MaxRequestHeadersBytes)
        {
            return Refuse(context, StatusCodes.Status431RequestHeaderFieldsTooLarge, "Request headers too large", ErrorCodes.HeadersTooLarge,
                $"The request headers must not exceed {limits.MaxRequestHeadersBytes} bytes in total", field: null);
        }

        var rawPath = target.AsSpan(0, IndexOfQuery(target));
        if ((request.PathBase + request.Path).Value?.Contains('\0', StringComparison.Ordinal) == true
            || rawPath.Contains("%00", StringComparison.Ordinal)
            || rawPath.Contains('\0'))
        {
            return Refuse(context, StatusCodes.Status400BadRequest, StatusMessages.For(StatusCodes.Status400BadRequest), ErrorCodes.InvalidFormat,
                "The path must not contain a NUL character", field: "path");
        }

        return next(context);
    }

    private static int IndexOfQuery(string target)
    {
        var index = target.IndexOf('?', StringComparison.Ordinal);
        return index < 0 ? target.Length : index;
    }

    private static long HeadersSize(IHeaderDictionary headers)
    {
        long size = 0;
        foreach (var (name, values) in headers)
        {
            foreach (var value in values)
            {
                // "name: value\r\n", as the header block is sent.
                size += name.Length + (value?.Length ?? 0) + 4;
            }
        }

        return size;
    }

    private static Task Refuse(HttpContext context, int status, string message, string code, string detail, string? field)
        => ErrorResponseWriter.WriteAsync(context, status, message, [new ApiError(code, detail, field)]);
}
