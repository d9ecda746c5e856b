using Mercato.Platform.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Mercato.Platform.Envelope;

/// <summary>Factory methods for enveloped typed results.</summary>
public static class ApiResults
{
    /// <summary>200 with the success envelope.</summary>
    public static Ok<ApiResponse<T>> Ok<T>(T data, string? message = null)
        => TypedResults.Ok(Wrap(data, message));

    /// <summary>201 with the success envelope and a Location header.</summary>
    public static Created<ApiResponse<T>> Created<T>(string location, T data, string? message = null)
        => TypedResults.Created(location, Wrap(data, message));

    /// <summary>Wraps a payload in the success envelope.</summary>
    public static ApiResponse<T> Wrap<T>(T data, string? message = null)
        => new() { Data = data, Message = message, Timestamp = TimeProvider.System.GetUtcNow() };

    /// <summary>404 NOT_FOUND.</summary>
    public static ApiErrorResult NotFound(string detail)
        => Error(StatusCodes.Status404NotFound, ErrorCodes.NotFound, detail);

    /// <summary>409 with the given code (CONFLICT, ALREADY_EXISTS, INSUFFICIENT_STOCK...).</summary>
    public static ApiErrorResult Conflict(string code, string detail, string? field = null)
        => Error(StatusCodes.Status409Conflict, code, detail, field);

    /// <summary>400 with every failing field.</summary>
    public static ApiErrorResult Validation(IReadOnlyList<ApiError> errors)
        => new(StatusCodes.Status400BadRequest, "Validation failed", errors);

    /// <summary>400 for one field.</summary>
    public static ApiErrorResult BadRequest(string field, string detail, string code = ErrorCodes.ValidationError)
        => Validation([new ApiError(code, detail, field)]);

    /// <summary>429 RATE_LIMIT_EXCEEDED with <c>Retry-After</c> (header and <c>retryAfter</c>) of <paramref name="retryAfterSeconds"/>.</summary>
    public static ApiErrorResult TooManyRequests(int retryAfterSeconds, string detail)
        => new(StatusCodes.Status429TooManyRequests, StatusMessages.For(StatusCodes.Status429TooManyRequests), [new ApiError(ErrorCodes.RateLimitExceeded, detail)])
        {
            RetryAfter = retryAfterSeconds,
        };

    /// <summary>An error with any status and a single entry.</summary>
    public static ApiErrorResult Error(int statusCode, string code, string detail, string? field = null)
        => new(statusCode, StatusMessages.For(statusCode), [new ApiError(code, detail, field)]);
}
