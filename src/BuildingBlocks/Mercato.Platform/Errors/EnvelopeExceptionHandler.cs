using System.Text.Json;
using System.Text.RegularExpressions;
using Mercato.Platform.Envelope;
using Mercato.Platform.Persistence;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Mercato.Platform.Errors;

/// <summary>
/// Turns every exception that escapes an endpoint into the error envelope: bad requests
/// (malformed JSON, wrong types, unbindable parameters, oversized bodies, wrong content type)
/// keep their 4xx status with a precise error; a dependency or the database being unavailable
/// answers 503 with <c>Retry-After</c>; anything else is a 500 that reveals nothing.
/// </summary>
internal sealed partial class EnvelopeExceptionHandler(ILogger<EnvelopeExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (httpContext.RequestAborted.IsCancellationRequested && exception is OperationCanceledException)
        {
            // The client went away; there is nobody to answer.
            return true;
        }

        if (exception is BadHttpRequestException bad)
        {
            var (status, error) = Describe(bad);
            LogBadRequest(logger, status, error.Code, error.Field);
            await ErrorResponseWriter.WriteAsync(httpContext, status, StatusMessages.For(status), [error]);
            return true;
        }

        if (exception is DependencyUnavailableException unavailable)
        {
            LogDependencyUnavailable(logger, exception, unavailable.Dependency, httpContext.Request.Method, httpContext.Request.Path.Value ?? "/");
            await WriteUnavailableAsync(httpContext, $"The {unavailable.Dependency} service is temporarily unavailable; try again shortly");
            return true;
        }

        if (TransientDatabaseErrors.Find(exception) is { } database)
        {
            // The database refused or lost the connection, or gave up on the statement for a
            // reason that passes (too many clients, shutting down, a deadlock): its transaction
            // did not commit, and the request can be repeated (with its Idempotency-Key, if any).
            LogDatabaseUnavailable(logger, database, database.SqlState, httpContext.Request.Method, httpContext.Request.Path.Value ?? "/");
            await WriteUnavailableAsync(httpContext, "The database is temporarily unavailable; try again shortly");
            return true;
        }

        LogUnhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path.Value ?? "/");
        if (httpContext.RequestServices.GetService(typeof(IBrowserErrorPage)) is IBrowserErrorPage page && page.Answers(httpContext))
        {
            httpContext.Response.StatusCode = StatusCodes.Status500InternalServerError;
            await page.WriteAsync(httpContext, StatusCodes.Status500InternalServerError);
            return true;
        }

        await ErrorResponseWriter.WriteAsync(
            httpContext,
            StatusCodes.Status500InternalServerError,
            ErrorCodes.InternalError,
            StatusMessages.DetailFor(StatusCodes.Status500InternalServerError));
        return true;
    }

    /// <summary>503 <c>SERVICE_UNAVAILABLE</c> with <c>Retry-After</c>: something the request needs will be back shortly.</summary>
    private static Task WriteUnavailableAsync(HttpContext httpContext, string message)
    {
        httpContext.Response.Headers.RetryAfter = "5";
        return ErrorResponseWriter.WriteAsync(httpContext, StatusCodes.Status503ServiceUnavailable, ErrorCodes.ServiceUnavailable, message);
    }

    internal static (int Status, ApiError Error) Describe(BadHttpRequestException bad)
    {
        var status = bad.StatusCode;
        if (status == StatusCodes.Status413PayloadTooLarge || status == StatusCodes.Status415UnsupportedMediaType)
        {
            return (status, new ApiError(StatusMessages.CodeFor(status), StatusMessages.DetailFor(status)));
        }

        if (FindJsonException(bad) is { } json)
        {
            var field = JsonPathToField(json.Path);
            // System.Text.Json words a type mismatch this way; anything else is a syntax error.
            var malformed = !json.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal);
            return malformed
                ? (StatusCodes.Status400BadRequest, new ApiError(ErrorCodes.InvalidFormat, "The request body is not valid JSON", null))
                : (StatusCodes.Status400BadRequest, new ApiError(
                    ErrorCodes.InvalidFormat,
                    field is null ? "The request body has the wrong shape" : $"The value of '{field}' has the wrong type or format",
                    field));
        }

        var match = ParameterPattern().Match(bad.Message);
        // [AsParameters] properties bind from camelCase keys but are reported under their C# name.
        var name = match.Success ? Validation.FieldName.ToCamelPath(match.Groups["name"].Value) : null;
        if (bad.Message.Contains("no body was provided", StringComparison.Ordinal))
        {
            return (StatusCodes.Status400BadRequest, new ApiError(ErrorCodes.RequiredField, "A JSON request body is required", null));
        }

        if (bad.Message.StartsWith("Required parameter", StringComparison.Ordinal))
        {
            return match.Success && bad.Message.Contains("from body", StringComparison.Ordinal)
                ? (StatusCodes.Status400BadRequest, new ApiError(ErrorCodes.RequiredField, "A JSON request body is required", null))
                : (StatusCodes.Status400BadRequest, new ApiError(ErrorCodes.RequiredField, $"'{name}' is required", name));
        }

        if (bad.Message.Contains("body", StringComparison.OrdinalIgnoreCase) && bad.Message.Contains("JSON", StringComparison.Ordinal))
        {
            return (StatusCodes.Status400BadRequest, new ApiError(ErrorCodes.InvalidFormat, "The request body is not valid JSON", null));
        }

        return name is not null
            ? (StatusCodes.Status400BadRequest, InvalidValue(name))
            : (status is >= 400 and < 500 ? status : StatusCodes.Status400BadRequest,
                new ApiError(StatusMessages.CodeFor(status), "The request could not be read"));
    }

    /// <summary>The error for a route, query or header value that does not parse.</summary>
    /// <param name="field">The value's field name, in camelCase.</param>
    internal static ApiError InvalidValue(string field) =>
        new(ErrorCodes.InvalidFormat, $"The value of '{field}' is not valid", field);

    private static JsonException? FindJsonException(Exception exception)
    {
        for (var current = exception.InnerException; current is not null; current = current.InnerException)
        {
            if (current is JsonException json)
            {
                return json;
            }
        }

        return null;
    }

    /// <summary>Turns <c>$.items[0].unitPrice</c> into <c>items[0].unitPrice</c>.</summary>
    internal static string? JsonPathToField(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return null;
        }

        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return field.Length == 0 ? null : field;
    }

    [GeneratedRegex("parameter \"(?<type>[^\"]+) (?<name>[^\" ]+)\"", RegexOptions.CultureInvariant)]
    private static partial Regex ParameterPattern();

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Rejected request with {StatusCode} {Code} (field {Field})")]
    private static partial void LogBadRequest(ILogger logger, int statusCode, string code, string? field);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "{Dependency} unavailable for {Method} {Path}; answered 503")]
    private static partial void LogDependencyUnavailable(ILogger logger, Exception exception, string dependency, string method, string path);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Database unavailable (SQLSTATE {SqlState}) for {Method} {Path}; answered 503")]
    private static partial void LogDatabaseUnavailable(ILogger logger, Exception exception, string? sqlState, string method, string path);

    [LoggerMessage(EventId = 1000, Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}
