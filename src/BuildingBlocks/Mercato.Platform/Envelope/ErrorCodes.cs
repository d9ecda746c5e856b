namespace Mercato.Platform.Envelope;

/// <summary>Seed 004's error codes.</summary>
public static class ErrorCodes
{
    /// <summary>Input validation failed.</summary>
    public const string ValidationError = "VALIDATION_ERROR";

    /// <summary>Invalid data format (malformed JSON, wrong type, bad id).</summary>
    public const string InvalidFormat = "INVALID_FORMAT";

    /// <summary>A required field is missing.</summary>
    public const string RequiredField = "REQUIRED_FIELD";

    /// <summary>Authentication required or failed.</summary>
    public const string Unauthorized = "UNAUTHORIZED";

    /// <summary>Authenticated but not allowed.</summary>
    public const string Forbidden = "FORBIDDEN";

    /// <summary>Resource or route not found.</summary>
    public const string NotFound = "NOT_FOUND";

    /// <summary>The resource already exists.</summary>
    public const string AlreadyExists = "ALREADY_EXISTS";

    /// <summary>The request conflicts with the current state.</summary>
    public const string Conflict = "CONFLICT";

    /// <summary>The token has expired.</summary>
    public const string ExpiredToken = "EXPIRED_TOKEN";

    /// <summary>The token is invalid or malformed.</summary>
    public const string InvalidToken = "INVALID_TOKEN";

    /// <summary>Not enough items in stock.</summary>
    public const string InsufficientStock = "INSUFFICIENT_STOCK";

    /// <summary>Payment processing failed.</summary>
    public const string PaymentFailed = "PAYMENT_FAILED";

    /// <summary>Too many requests.</summary>
    public const string RateLimitExceeded = "RATE_LIMIT_EXCEEDED";

    /// <summary>The HTTP method is not allowed on this route.</summary>
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";

    /// <summary>The request body is larger than allowed.</summary>
    public const string PayloadTooLarge = "PAYLOAD_TOO_LARGE";

    /// <summary>The request target (path and query) is longer than allowed.</summary>
    public const string UriTooLong = "URI_TOO_LONG";

    /// <summary>The request headers are larger than allowed.</summary>
    public const string HeadersTooLarge = "REQUEST_HEADERS_TOO_LARGE";

    /// <summary>The request's content type is not supported.</summary>
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";

    /// <summary>The <c>X-API-Version</c> header names a version this server does not speak.</summary>
    public const string UnsupportedApiVersion = "UNSUPPORTED_API_VERSION";

    /// <summary>A dependency is temporarily unavailable.</summary>
    public const string ServiceUnavailable = "SERVICE_UNAVAILABLE";

    /// <summary>An unexpected server error; details are in the logs under the trace id.</summary>
    public const string InternalError = "INTERNAL_ERROR";
}
