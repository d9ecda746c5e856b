using System.Net;
using Mercato.Identity.Contracts;
using Mercato.Platform.Errors;

namespace Mercato.Identity.Client;

/// <summary>
/// Identity, called over HTTP, gave no usable answer: it could not be reached, it answered 5xx or
/// timed out on every attempt, its circuit is open after repeated failures, it refused this
/// service's token (401, or 403 without <see cref="IdentityScopes.Addresses"/>), or it answered
/// something the client does not understand. The in-process client never throws it. Every call is
/// a read, so the caller may simply try again later.
/// </summary>
public sealed class IdentityUnavailableException : DependencyUnavailableException
{
    /// <summary>Creates the exception.</summary>
    public IdentityUnavailableException()
        : base("Identity", "Identity is unavailable.", null)
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public IdentityUnavailableException(string message)
        : base("Identity", message, null)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public IdentityUnavailableException(string message, Exception innerException)
        : base("Identity", message, innerException)
    {
    }

    /// <summary>Creates the exception for an answer with <paramref name="statusCode"/>, or for no answer (null).</summary>
    public IdentityUnavailableException(string message, HttpStatusCode? statusCode, Exception? innerException = null)
        : base("Identity", message, statusCode, innerException)
    {
    }
}
