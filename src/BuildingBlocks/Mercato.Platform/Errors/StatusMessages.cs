using Mercato.Platform.Envelope;
using Microsoft.AspNetCore.Http;

namespace Mercato.Platform.Errors;

/// <summary>The envelope's summary message and default error code for each error status.</summary>
public static class StatusMessages
{
    /// <summary>The summary message for a status.</summary>
    public static string For(int statusCode) => statusCode switch
    {
        StatusCodes.Status400BadRequest => "Request validation failed",
        StatusCodes.Status401Unauthorized => "Authentication failed",
        StatusCodes.Status403Forbidden => "Access denied",
        StatusCodes.Status404NotFound => "Resource not found",
        StatusCodes.Status405MethodNotAllowed => "Method not allowed",
        StatusCodes.Status409Conflict => "Conflict",
        StatusCodes.Status413PayloadTooLarge => "Request body too large",
        StatusCodes.Status415UnsupportedMediaType => "Unsupported media type",
        StatusCodes.Status422UnprocessableEntity => "Unprocessable entity",
        StatusCodes.Status429TooManyRequests => "Too many requests",
        StatusCodes.Status503ServiceUnavailable => "Service temporarily unavailable",
        >= 500 => "An unexpected error occurred",
        _ => "Request failed",
    };

    /// <summary>The error code used when nothing more specific is known.</summary>
    public static string CodeFor(int statusCode) => statusCode switch
    {
        StatusCodes.Status400BadRequest => ErrorCodes.ValidationError,
        StatusCodes.Status401Unauthorized => ErrorCodes.Unauthorized,
        StatusCodes.Status403Forbidden => ErrorCodes.Forbidden,
        StatusCodes.Status404NotFound => ErrorCodes.NotFound,
        StatusCodes.Status405MethodNotAllowed => ErrorCodes.MethodNotAllowed,
        StatusCodes.Status409Conflict => ErrorCodes.Conflict,
        StatusCodes.Status413PayloadTooLarge => ErrorCodes.PayloadTooLarge,
        StatusCodes.Status415UnsupportedMediaType => ErrorCodes.UnsupportedMediaType,
        StatusCodes.Status422UnprocessableEntity => ErrorCodes.ValidationError,
        StatusCodes.Status429TooManyRequests => ErrorCodes.RateLimitExceeded,
        StatusCodes.Status503ServiceUnavailable => ErrorCodes.ServiceUnavailable,
        >= 500 => ErrorCodes.InternalError,
        _ => ErrorCodes.ValidationError,
    };

    /// <summary>The detail message used when nothing more specific is known.</summary>
    public static string DetailFor(int statusCode) => statusCode switch
    {
        StatusCodes.Status401Unauthorized => "Authentication is required to access this resource",
        StatusCodes.Status403Forbidden => "You do not have permission to access this resource",
        StatusCodes.Status404NotFound => "No resource exists at this path",
        StatusCodes.Status405MethodNotAllowed => "This HTTP method is not allowed on this resource",
        StatusCodes.Status413PayloadTooLarge => "The request body exceeds the size limit",
        StatusCodes.Status415UnsupportedMediaType => "Send the body as application/json",
        StatusCodes.Status429TooManyRequests => "API rate limit exceeded",
        >= 500 => "An unexpected error occurred; quote the traceId when reporting it",
        _ => For(statusCode),
    };
}
