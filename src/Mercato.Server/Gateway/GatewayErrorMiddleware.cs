using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Microsoft.AspNetCore.Diagnostics;
using Yarp.ReverseProxy.Forwarder;

namespace Mercato.Server.Gateway;

/// <summary>
/// Runs first in YARP's pipeline. A backend's response passes through as it is, whatever its
/// status (the platform's status-code envelope is switched off for it); when the gateway itself
/// could not get an answer (service down, not configured, timed out), it writes the error
/// envelope instead of YARP's empty response.
/// </summary>
internal sealed partial class GatewayErrorMiddleware(RequestDelegate next, ILogger<GatewayErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
        {
            statusCodePages.Enabled = false;
        }

        await next(context);

        if (context.GetForwarderErrorFeature() is not { } failure
            || context.Response.HasStarted
            || context.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        var service = context.GetReverseProxyFeature().Route.Config.ClusterId ?? "unknown";
        var status = context.Response.StatusCode;
        LogForwardFailed(logger, failure.Exception, service, failure.Error, status);
        context.Response.Clear();
        switch (status)
        {
            case StatusCodes.Status504GatewayTimeout:
                await ErrorResponseWriter.WriteAsync(
                    context, status, "Service did not answer in time", [new ApiError(ErrorCodes.ServiceUnavailable, "The service that owns this path did not answer in time; try again shortly")]);
                break;
            case >= 500:
                await ErrorResponseWriter.WriteAsync(
                    context, StatusCodes.Status503ServiceUnavailable, ErrorCodes.ServiceUnavailable, "The service that owns this path is not reachable; try again shortly");
                break;
            default:
                // The client's side failed (unreadable or oversized body): keep YARP's 4xx.
                await ErrorResponseWriter.WriteAsync(context, status, StatusMessages.CodeFor(status), StatusMessages.DetailFor(status));
                break;
        }
    }

    [LoggerMessage(EventId = 1901, Level = LogLevel.Warning, Message = "Gateway could not forward to {Service}: {Error}; answered {StatusCode}")]
    private static partial void LogForwardFailed(ILogger logger, Exception? exception, string service, ForwarderError error, int statusCode);
}
