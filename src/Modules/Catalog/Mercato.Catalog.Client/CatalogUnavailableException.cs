using System.Net;
using Mercato.Platform.Errors;

namespace Mercato.Catalog.Client;

/// <summary>
/// The Catalog, called over HTTP, gave no usable answer: it could not be reached, it answered 5xx
/// or timed out on every attempt, its circuit is open after repeated failures, it refused this
/// service's token, or it answered something the client does not understand. The in-process
/// client never throws it. Nothing can be assumed about a change that was asked for; the calls
/// that change stock are idempotent, so the caller may simply try again later.
/// </summary>
public sealed class CatalogUnavailableException : DependencyUnavailableException
{
    /// <summary>Creates the exception.</summary>
    public CatalogUnavailableException()
        : base("Catalog", "The Catalog is unavailable.", null)
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public CatalogUnavailableException(string message)
        : base("Catalog", message, null)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public CatalogUnavailableException(string message, Exception innerException)
        : base("Catalog", message, innerException)
    {
    }

    /// <summary>Creates the exception for an answer with <paramref name="statusCode"/>, or for no answer (null).</summary>
    public CatalogUnavailableException(string message, HttpStatusCode? statusCode, Exception? innerException = null)
        : base("Catalog", message, statusCode, innerException)
    {
    }
}
