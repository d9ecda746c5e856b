using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Mercato.Platform.Correlation;

/// <summary>
/// Accepts a valid <c>X-Correlation-Id</c> or generates one, echoes it on the response, puts it
/// on the request (so a proxied call forwards it), on the trace, and in every log line's scope.
/// </summary>
internal sealed partial class CorrelationIdMiddleware(RequestDelegate next, ILogger<CorrelationIdMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var supplied = context.Request.Headers[CorrelationContext.HeaderName].ToString();
        string id;
        if (CorrelationContext.IsValid(supplied))
        {
            id = supplied;
        }
        else
        {
            id = CorrelationContext.NewId();
            if (supplied.Length > 0)
            {
                LogReplaced(logger, supplied.Length);
            }

            context.Request.Headers[CorrelationContext.HeaderName] = id;
        }

        context.Response.OnStarting(static state =>
        {
            var (http, value) = ((HttpContext, string))state;
            http.Response.Headers[CorrelationContext.HeaderName] = value;
            return Task.CompletedTask;
        }, (context, id));

        Activity.Current?.SetTag("correlation.id", id);
        using var correlation = CorrelationContext.Begin(id);
        using var scope = logger.BeginScope(new CorrelationLogScope(id));
        await next(context);
    }

    [LoggerMessage(EventId = 1100, Level = LogLevel.Debug, Message = "Replaced an invalid X-Correlation-Id of {Length} characters")]
    private static partial void LogReplaced(ILogger logger, int length);
}
