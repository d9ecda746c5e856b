using System.Net;

namespace Mercato.Platform.Errors;

/// <summary>
/// A service this one depends on gave no usable answer (unreachable, failing, timed out, circuit
/// open). Escaping an endpoint, it answers 503 <c>SERVICE_UNAVAILABLE</c> with <c>Retry-After</c>
/// and names the dependency, never its internals. Clients of other modules derive their own
/// exception from it.
/// </summary>
public abstract class DependencyUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    protected DependencyUnavailableException(string dependency, string message, Exception? innerException)
        : base(message, innerException)
    {
        Dependency = dependency;
    }

    /// <summary>Creates the exception for an answer with <paramref name="statusCode"/>, or for no answer (null).</summary>
    protected DependencyUnavailableException(string dependency, string message, HttpStatusCode? statusCode, Exception? innerException)
        : base(message, innerException)
    {
        Dependency = dependency;
        StatusCode = statusCode;
    }

    /// <summary>The dependency's name as shown to callers (e.g. <c>Catalog</c>).</summary>
    public string Dependency { get; }

    /// <summary>The status of the dependency's last answer, or null when there was none (unreachable, timed out, circuit open).</summary>
    public HttpStatusCode? StatusCode { get; }
}
