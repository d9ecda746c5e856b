using System.Net;
using Microsoft.Kiota.Abstractions;

namespace Mercato.Client.Errors;

/// <summary>
/// An answer of the Mercato API with a 4xx or 5xx status, read from its error envelope
/// <c>{success:false, errors:[{code, message, field}], message, timestamp, traceId, path}</c>.
/// Derives from Kiota's <see cref="ApiException"/>, so code that catches that catches this too.
/// </summary>
public sealed class MercatoApiException : ApiException
{
    /// <summary>Creates the exception for an answer.</summary>
    /// <param name="status">The HTTP status.</param>
    /// <param name="message">The envelope's <c>message</c> (or the status's reason when the body was no envelope).</param>
    /// <param name="errors">The envelope's <c>errors</c>.</param>
    /// <param name="traceId">The envelope's <c>traceId</c>.</param>
    /// <param name="path">The envelope's <c>path</c>.</param>
    public MercatoApiException(HttpStatusCode status, string message, IReadOnlyList<MercatoApiError> errors, string? traceId, string? path)
        : base(message)
    {
        Status = status;
        ResponseStatusCode = (int)status;
        Errors = errors;
        TraceId = traceId;
        RequestPath = path;
    }

    /// <summary>Creates an exception with a message only (no answer was read).</summary>
    public MercatoApiException()
        : this(HttpStatusCode.InternalServerError, "The Mercato API answered with an error.", [], null, null)
    {
    }

    /// <summary>Creates an exception with a message only (no answer was read).</summary>
    /// <param name="message">What went wrong.</param>
    public MercatoApiException(string message)
        : this(HttpStatusCode.InternalServerError, message, [], null, null)
    {
    }

    /// <summary>Creates an exception with a message and a cause (no answer was read).</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public MercatoApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = HttpStatusCode.InternalServerError;
        ResponseStatusCode = (int)Status;
        Errors = [];
    }

    /// <summary>The HTTP status of the answer.</summary>
    public HttpStatusCode Status { get; }

    /// <summary>The errors of the envelope (at least one for every Mercato error answer).</summary>
    public IReadOnlyList<MercatoApiError> Errors { get; }

    /// <summary>The first error's code (e.g. <c>VALIDATION_ERROR</c>), or null when the body was no envelope.</summary>
    public string? Code => Errors.Count > 0 ? Errors[0].Code : null;

    /// <summary>The trace id the server logged the request under (quote it when reporting a problem).</summary>
    public string? TraceId { get; }

    /// <summary>The request path the server reports.</summary>
    public string? RequestPath { get; }

    /// <summary>The errors about <paramref name="field"/> (compared without regard to case).</summary>
    /// <param name="field">A request field such as <c>email</c>.</param>
    /// <returns>The matching errors, possibly none.</returns>
    public IEnumerable<MercatoApiError> ErrorsFor(string field) =>
        Errors.Where(e => string.Equals(e.Field, field, StringComparison.OrdinalIgnoreCase));
}
