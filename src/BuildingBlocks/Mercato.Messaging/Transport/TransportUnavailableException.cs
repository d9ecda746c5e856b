namespace Mercato.Messaging.Transport;

/// <summary>
/// The transport cannot take messages right now (the broker is unreachable or the connection is
/// recovering). Unlike a failed publish this says nothing about the message itself, so the
/// outbox relay keeps the row as it is, without counting an attempt, and tries again later:
/// a broker outage of any length never parks events.
/// </summary>
public sealed class TransportUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TransportUnavailableException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public TransportUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public TransportUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
