using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Microsoft.AspNetCore.Http;

namespace Mercato.Identity.Clients;

/// <summary>
/// A token endpoint error: Mercato's error envelope plus RFC 6749 §5.2's <c>error</c> and
/// <c>error_description</c>, so both Mercato clients and OAuth libraries understand it.
/// </summary>
/// <param name="statusCode">400, or 401 for <c>invalid_client</c>.</param>
/// <param name="error">The RFC 6749 error code.</param>
/// <param name="description">What went wrong, for a human.</param>
/// <param name="field">The request field at fault.</param>
internal sealed class OAuthErrorResult(int statusCode, string error, string description, string? field = null) : IResult
{
    /// <summary>The HTTP status.</summary>
    public int StatusCode { get; } = statusCode;

    /// <summary>The RFC 6749 error code.</summary>
    public string Error { get; } = error;

    /// <inheritdoc />
    public Task ExecuteAsync(HttpContext httpContext)
    {
        var code = StatusCode == StatusCodes.Status401Unauthorized ? ErrorCodes.Unauthorized : ErrorCodes.ValidationError;
        var envelope = ErrorResponseWriter.Create(httpContext, StatusMessages.For(StatusCode), [new ApiError(code, description, field)]) with
        {
            Extensions = new Dictionary<string, object?> { ["error"] = Error, ["error_description"] = description },
        };
        httpContext.Response.Headers.CacheControl = "no-store";
        if (StatusCode == StatusCodes.Status401Unauthorized)
        {
            httpContext.Response.Headers.WWWAuthenticate = "Basic realm=\"mercato\"";
        }

        return ErrorResponseWriter.WriteAsync(httpContext, StatusCode, envelope);
    }
}
