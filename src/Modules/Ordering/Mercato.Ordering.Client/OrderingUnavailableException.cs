using System.Net;
using Mercato.Platform.Errors;

namespace Mercato.Ordering.Client;

/// <summary>
/// Ordering, called over HTTP, gave no usable answer (unreachable, 5xx or timeouts on every
/// attempt, an open circuit, this service's token refused, or an answer the client does not
/// understand). Every call is a read or idempotent (a revival), so the caller may simply try again later.
/// </summary>
public sealed class OrderingUnavailableException : DependencyUnavailableException
{
    /// <summary>Creates the exception.</summary>
    public OrderingUnavailableException()
        : base("Ordering", "Ordering is unavailable.", null)
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public OrderingUnavailableException(string message)
        : base("Ordering", message, null)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public OrderingUnavailableException(string message, Exception innerException)
        : base("Ordering", message, innerException)
    {
    }

    /// <summary>Creates the exception for an answer with <paramref name="statusCode"/>, or for no answer (null).</summary>
    public OrderingUnavailableException(string message, HttpStatusCode? statusCode, Exception? innerException = null)
        : base("Ordering", message, statusCode, innerException)
    {
    }
}
