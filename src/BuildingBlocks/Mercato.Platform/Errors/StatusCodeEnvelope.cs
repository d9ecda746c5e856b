using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Mercato.Platform.Errors;

/// <summary>
/// Gives framework-generated error statuses that carry no body (unknown route 404, wrong
/// method 405, 401/403 from authorization, 415 from body binding, 400 from a route or query
/// value that does not parse: <see cref="UnparsedParameter"/>) the error envelope.
/// </summary>
internal static class StatusCodeEnvelope
{
    public static Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var status = http.Response.StatusCode;
        if (status < 400)
        {
            return Task.CompletedTask;
        }

        if (http.RequestServices.GetService(typeof(IBrowserErrorPage)) is IBrowserErrorPage page && page.Answers(http))
        {
            return page.WriteAsync(http, status);
        }

        if (status == StatusCodes.Status400BadRequest && UnparsedParameter.Find(http) is { } parameter)
        {
            var error = EnvelopeExceptionHandler.InvalidValue(Validation.FieldName.ToCamelPath(parameter)!);
            return ErrorResponseWriter.WriteAsync(http, status, StatusMessages.For(status), [error]);
        }

        return ErrorResponseWriter.WriteAsync(http, status, StatusMessages.CodeFor(status), StatusMessages.DetailFor(status));
    }
}
