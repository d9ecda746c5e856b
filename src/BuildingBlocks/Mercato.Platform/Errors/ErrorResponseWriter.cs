using System.Diagnostics;
using System.Text.Json;
using Mercato.Platform.Envelope;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mercato.Platform.Errors;

/// <summary>The one place that builds and writes the error envelope.</summary>
public static class ErrorResponseWriter
{
    /// <summary>Builds the envelope for the current request.</summary>
    public static ErrorResponse Create(HttpContext context, string message, IReadOnlyList<ApiError> errors, int? retryAfter = null)
    {
        var time = context.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System;
        return new ErrorResponse
        {
            Success = false,
            Errors = errors,
            Message = message,
            Timestamp = time.GetUtcNow(),
            TraceId = TraceIdOf(context),
            Path = (context.Request.PathBase + context.Request.Path).Value ?? "/",
            RetryAfter = retryAfter,
        };
    }

    /// <summary>Writes the envelope with the given status, replacing anything not yet sent.</summary>
    public static Task WriteAsync(
        HttpContext context, int statusCode, string message, IReadOnlyList<ApiError> errors, int? retryAfter = null)
        => WriteAsync(context, statusCode, Create(context, message, errors, retryAfter));

    /// <summary>Writes <paramref name="envelope"/> (made by <see cref="Create"/>) with the given status, replacing anything not yet sent.</summary>
    public static async Task WriteAsync(HttpContext context, int statusCode, ErrorResponse envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        if (context.Response.HasStarted)
        {
            return;
        }

        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json; charset=utf-8";
        var options = context.RequestServices.GetService<IOptions<JsonOptions>>()?.Value.SerializerOptions
            ?? JsonSerializerOptions.Web;
        await JsonSerializer.SerializeAsync(context.Response.Body, envelope, options, context.RequestAborted);
    }

    /// <summary>Writes a single-error envelope with the status's default summary.</summary>
    public static Task WriteAsync(HttpContext context, int statusCode, string code, string detail, string? field = null)
        => WriteAsync(context, statusCode, StatusMessages.For(statusCode), [new ApiError(code, detail, field)]);

    /// <summary>The W3C trace id of the request, or the server's request id if there is no activity.</summary>
    public static string TraceIdOf(HttpContext context)
        => Activity.Current is { } activity && activity.TraceId != default
            ? activity.TraceId.ToHexString()
            : context.TraceIdentifier;
}
