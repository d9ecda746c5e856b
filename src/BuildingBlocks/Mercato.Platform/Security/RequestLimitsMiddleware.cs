using System.Buffers;
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
    /// <summary>C0 controls but the horizontal tab, and DEL.</summary>
    private static readonly SearchValues<char> ControlCharacters = SearchValues.Create(
        string.Concat(Enumerable.Range(0, 32).Where(c => c != '\t').Select(c => (char)c)) + '\u007f');

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

        var (headersSize, controlled) = ReadHeaders(request.Headers);
        if (headersSize > limits.MaxRequestHeadersBytes)
        {
            return Refuse(context, StatusCodes.Status431RequestHeaderFieldsTooLarge, "Request headers too large", ErrorCodes.HeadersTooLarge,
                $"The request headers must not exceed {limits.MaxRequestHeadersBytes} bytes in total", field: null);
        }

        if (controlled is not null)
        {
            // RFC 9110 5.5: a field value is visible characters, spaces and tabs. Kestrel refuses NUL, CR and LF itself.
            return Refuse(context, StatusCodes.Status400BadRequest, StatusMessages.For(StatusCodes.Status400BadRequest), ErrorCodes.InvalidFormat,
                $"The header '{controlled}' must not contain control characters", field: null);
        }

        var rawPath = target.AsSpan(0, IndexOfQuery(target));
        if ((request.PathBase + request.Path).Value?.Contains('\0', StringComparison.Ordinal) == true
            || rawPath.Contains("%00", StringComparison.Ordinal)
            || rawPath.Contains('\0'))
        {
            return Refuse(context, StatusCodes.Status400BadRequest, StatusMessages.For(StatusCodes.Status400BadRequest), ErrorCodes.InvalidFormat,
                "The path must not contain a NUL character", field: null);
        }

        return next(context);
    }

    private static int IndexOfQuery(string target)
    {
        var index = target.IndexOf('?', StringComparison.Ordinal);
        return index < 0 ? target.Length : index;
    }

    /// <summary>The header block's size as sent, and the first header whose value holds a control character.</summary>
    private static (long Size, string? Controlled) ReadHeaders(IHeaderDictionary headers)
    {
        long size = 0;
        string? controlled = null;
        foreach (var (name, values) in headers)
        {
            foreach (var value in values)
            {
                // "name: value\r\n", as the header block is sent.
                size += name.Length + (value?.Length ?? 0) + 4;
                if (controlled is null && value is not null && value.AsSpan().ContainsAny(ControlCharacters))
                {
                    controlled = name;
                }
            }
        }

        return (size, controlled);
    }

    private static Task Refuse(HttpContext context, int status, string message, string code, string detail, string? field)
        => ErrorResponseWriter.WriteAsync(context, status, message, [new ApiError(code, detail, field)]);
}
