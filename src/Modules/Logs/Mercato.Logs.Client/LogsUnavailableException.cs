using System.Net;
using Mercato.Platform.Errors;

namespace Mercato.Logs.Client;

/// <summary>The Logs service, called over HTTP, gave no usable answer: the shipper tries the batch again, a bounded number of times.</summary>
public sealed class LogsUnavailableException : DependencyUnavailableException
{
    /// <summary>Creates the exception.</summary>
    public LogsUnavailableException()
        : base("Logs", "Logs is unavailable.", null)
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public LogsUnavailableException(string message)
        : base("Logs", message, null)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public LogsUnavailableException(string message, Exception innerException)
        : base("Logs", message, innerException)
    {
    }

    /// <summary>Creates the exception for an answer with <paramref name="statusCode"/>, or for no answer (null).</summary>
    public LogsUnavailableException(string message, HttpStatusCode? statusCode, Exception? innerException = null)
        : base("Logs", message, statusCode, innerException)
    {
    }
}
