using System.Text.Json;
using System.Text.Json.Serialization;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

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
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var code = StatusCode == StatusCodes.Status401Unauthorized ? ErrorCodes.Unauthorized : ErrorCodes.ValidationError;
        var envelope = ErrorResponseWriter.Create(httpContext, StatusMessages.For(StatusCode), [new ApiError(code, description, field)]);
        var body = new OAuthErrorBody
        {
            Success = false,
            Errors = envelope.Errors,
            Message = envelope.Message,
            Timestamp = envelope.Timestamp,
            TraceId = envelope.TraceId,
            Path = envelope.Path,
            Error = Error,
            ErrorDescription = description,
        };
        httpContext.Response.StatusCode = StatusCode;
        httpContext.Response.Headers.CacheControl = "no-store";
        if (StatusCode == StatusCodes.Status401Unauthorized)
        {
            httpContext.Response.Headers.WWWAuthenticate = "Basic realm=\"mercato\"";
        }

        var options = httpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        await httpContext.Response.WriteAsJsonAsync(body, options, httpContext.RequestAborted);
    }

    private sealed record OAuthErrorBody
    {
        public bool Success { get; init; }

        public required IReadOnlyList<ApiError> Errors { get; init; }

        public required string Message { get; init; }

        public DateTimeOffset Timestamp { get; init; }

        public required string TraceId { get; init; }

        public required string Path { get; init; }

        [JsonPropertyName("error")]
        public required string Error { get; init; }

        [JsonPropertyName("error_description")]
        public required string ErrorDescription { get; init; }
    }
}
