using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Mercato.Platform.Idempotency;

/// <summary>
/// The endpoint filter behind <c>WithIdempotency&lt;TContext&gt;()</c>. It runs after binding and
/// validation: it reserves the caller's key, runs the handler once, stores the exact response
/// and sends it; a repeat of the same request gets the stored bytes, a different request with
/// the same key or a repeat while the first still runs gets 409.
/// </summary>
/// <typeparam name="TContext">The owning module's DbContext.</typeparam>
internal sealed partial class IdempotencyFilter<TContext>(IdempotencyStore<TContext> store, ILogger<IdempotencyFilter<TContext>> logger)
    where TContext : DbContext
{
    public async ValueTask<object?> InvokeAsync(
        EndpointFilterInvocationContext invocation, EndpointFilterDelegate next, IdempotencyMetadata metadata)
    {
        var http = invocation.HttpContext;
        if (!IdempotencyKey.TryRead(http.Request, out var key, out var invalid))
        {
            return invalid;
        }

        if (key is null)
        {
            return metadata.Required
                ? ApiResults.Error(
                    StatusCodes.Status400BadRequest, ErrorCodes.RequiredField,
                    "The Idempotency-Key header is required; send a new unique value (e.g. a UUID) for each new request",
                    IdempotencyKey.HeaderName)
                : await next(invocation);
        }

        var scope = IdempotencyScope.Of(http);
        var hash = await RequestFingerprint.ComputeAsync(http.Request, http.RequestAborted);
        var reservation = await store.ReserveAsync(scope, key, hash, http.RequestAborted);
        switch (reservation.Outcome)
        {
            case ReservationOutcome.Replay:
                LogReplayed(logger, key, scope);
                return StoredResponse.FromRecord(reservation.Existing!);
            case ReservationOutcome.Mismatch:
                LogMismatch(logger, key, scope);
                return ApiResults.Conflict(
                    ErrorCodes.Conflict,
                    "This Idempotency-Key was already used for a different request; use a new key for a new request",
                    IdempotencyKey.HeaderName);
            case ReservationOutcome.InProgress:
                LogInProgress(logger, key, scope);
                http.Response.Headers.RetryAfter = "1";
                return ApiResults.Conflict(
                    ErrorCodes.Conflict,
                    "A request with this Idempotency-Key is still being processed; retry shortly to receive its response",
                    IdempotencyKey.HeaderName);
            default:
                if (reservation.TookOver)
                {
                    LogTookOver(logger, key, scope);
                }

                return await RunAsync(invocation, next, scope, key, reservation.LockToken);
        }
    }

    private async Task<object?> RunAsync(
        EndpointFilterInvocationContext invocation, EndpointFilterDelegate next, string scope, string key, Guid token)
    {
        var http = invocation.HttpContext;
        var before = ResponseCapture.Snapshot(http.Response);
        StoredResponse response;
        try
        {
            var result = await next(invocation);
            response = await ResponseCapture.ExecuteAsync(http, (IResult)result!, before);
        }
        catch
        {
            // Nothing was stored: free the key so the client's retry runs the request again.
            await store.ReleaseAsync(scope, key, token);
            throw;
        }

        if (response.StatusCode >= StatusCodes.Status500InternalServerError)
        {
            await store.ReleaseAsync(scope, key, token);
            LogReleased(logger, key, scope, response.StatusCode);
            return response;
        }

        try
        {
            if (!await store.CompleteAsync(scope, key, token, response))
            {
                LogCompletionLost(logger, key, scope);
            }
        }
#pragma warning disable CA1031 // The handler's work is committed: the client must still get its answer.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            // The key stays reserved until the lock timeout, so a retry meanwhile answers 409
            // rather than running the request a second time.
            LogStoreFailed(logger, ex, key, scope);
        }

        return response;
    }

    [LoggerMessage(EventId = 1500, Level = LogLevel.Information, Message = "Replayed the stored response for Idempotency-Key {Key} ({Scope})")]
    private static partial void LogReplayed(ILogger logger, string key, string scope);

    [LoggerMessage(EventId = 1501, Level = LogLevel.Information, Message = "Refused Idempotency-Key {Key} ({Scope}): it was used for a different request")]
    private static partial void LogMismatch(ILogger logger, string key, string scope);

    [LoggerMessage(EventId = 1502, Level = LogLevel.Information, Message = "Refused Idempotency-Key {Key} ({Scope}): the first request is still running")]
    private static partial void LogInProgress(ILogger logger, string key, string scope);

    [LoggerMessage(EventId = 1503, Level = LogLevel.Warning, Message = "Took over Idempotency-Key {Key} ({Scope}) from an expired or abandoned reservation")]
    private static partial void LogTookOver(ILogger logger, string key, string scope);

    [LoggerMessage(EventId = 1504, Level = LogLevel.Information, Message = "Released Idempotency-Key {Key} ({Scope}) after a {StatusCode} so a retry can run")]
    private static partial void LogReleased(ILogger logger, string key, string scope, int statusCode);

    [LoggerMessage(EventId = 1505, Level = LogLevel.Warning, Message = "The reservation of Idempotency-Key {Key} ({Scope}) was taken over before the response was stored; the lock timeout is shorter than this request took")]
    private static partial void LogCompletionLost(ILogger logger, string key, string scope);

    [LoggerMessage(EventId = 1506, Level = LogLevel.Error, Message = "Storing the response for Idempotency-Key {Key} ({Scope}) failed; the response is sent but cannot be replayed")]
    private static partial void LogStoreFailed(ILogger logger, Exception exception, string key, string scope);
}
