using Mercato.Platform.Envelope;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace Mercato.Platform.Errors;

/// <summary>
/// A typed result that writes the error envelope. Endpoints return it inside
/// <c>Results&lt;Ok&lt;ApiResponse&lt;T&gt;&gt;, ApiErrorResult&gt;</c>.
/// </summary>
public sealed class ApiErrorResult : IResult, IStatusCodeHttpResult, IValueHttpResult<IReadOnlyList<ApiError>>
{
    /// <summary>Creates an error result.</summary>
    public ApiErrorResult(int statusCode, string message, IReadOnlyList<ApiError> errors)
    {
        StatusCode = statusCode;
        Message = message;
        Value = errors;
    }

    /// <summary>The HTTP status.</summary>
    public int StatusCode { get; }

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    /// <summary>The envelope's summary.</summary>
    public string Message { get; }

    /// <summary>The error entries.</summary>
    public IReadOnlyList<ApiError> Value { get; }

    /// <summary>Seconds after which the client may try again (sent as <c>Retry-After</c> and <c>retryAfter</c>).</summary>
    public int? RetryAfter { get; init; }

    /// <inheritdoc />
    public Task ExecuteAsync(HttpContext httpContext)
    {
        if (RetryAfter is { } seconds)
        {
            httpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return ErrorResponseWriter.WriteAsync(httpContext, StatusCode, Message, Value, RetryAfter);
    }
}
