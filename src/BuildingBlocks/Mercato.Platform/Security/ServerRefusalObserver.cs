using System.Text.Json;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Mercato.Platform.Security;

/// <summary>
/// Listens for Kestrel's <c>BadRequest</c> diagnostic event, raised when it rejects a request it
/// cannot parse (a malformed request line, a NUL in the path, an invalid header), just before it
/// writes its bodiless answer and closes the connection. It prepares the error envelope for that
/// answer on the connection's <see cref="ServerRefusal"/>.
/// </summary>
internal sealed class ServerRefusalObserver(TimeProvider time, JsonSerializerOptions json) : IObserver<KeyValuePair<string, object?>>
{
    /// <summary>The event Kestrel raises from <c>HttpProtocol.SetBadRequestState</c>.</summary>
    public const string BadRequestEvent = "Microsoft.AspNetCore.Server.Kestrel.BadRequest";

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key != BadRequestEvent
            || value.Value is not IFeatureCollection features
            || features.Get<ServerRefusal>() is not { } refusal
            || features.Get<IHttpRequestFeature>()?.Protocol is { } protocol && (protocol.StartsWith("HTTP/2", StringComparison.Ordinal) || protocol.StartsWith("HTTP/3", StringComparison.Ordinal)))
        {
            return;
        }

        var error = features.Get<IBadRequestExceptionFeature>()?.Error;
        var status = error is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status400BadRequest;
        var path = features.Get<IHttpRequestFeature>() is { Path.Length: > 0 } request ? request.PathBase + request.Path : "/";
        var envelope = new ErrorResponse
        {
            Success = false,
            Errors = [new ApiError(CodeFor(status), Detail(status, error), null)],
            Message = StatusMessages.For(status),
            Timestamp = time.GetUtcNow(),
            TraceId = features.Get<IHttpRequestIdentifierFeature>()?.TraceIdentifier ?? string.Empty,
            Path = path,
        };
        refusal.Prepare(JsonSerializer.SerializeToUtf8Bytes(envelope, json));
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    private static string CodeFor(int status) => status switch
    {
        StatusCodes.Status400BadRequest => ErrorCodes.InvalidFormat,
        StatusCodes.Status414UriTooLong => ErrorCodes.UriTooLong,
        StatusCodes.Status431RequestHeaderFieldsTooLarge => ErrorCodes.HeadersTooLarge,
        _ => StatusMessages.CodeFor(status),
    };

    /// <summary>Kestrel's reason ("Invalid request target", "Malformed request: invalid headers"), without the echo of the input it leaves empty in production.</summary>
    private static string Detail(int status, Exception? error)
    {
        var reason = error?.Message.Trim() ?? string.Empty;
        if (reason.EndsWith(": ''", StringComparison.Ordinal))
        {
            reason = reason[..^4];
        }

        reason = reason.TrimEnd('.');
        return status == StatusCodes.Status400BadRequest
            ? "The server could not read the request" + (reason.Length > 0 ? ": " + reason : string.Empty)
            : reason.Length > 0 ? reason : StatusMessages.DetailFor(status);
    }
}
