namespace Mercato.Platform.Hosting;

/// <summary>
/// Configuration or command-line input the operator must fix before Mercato can start (an
/// unknown <c>--services</c> name, a malformed gateway route). The executable prints the message
/// and exits with code 2 instead of crashing with a stack trace.
/// </summary>
public sealed class InvalidConfigurationException : Exception
{
    /// <summary>Creates the exception with an operator-facing message.</summary>
    public InvalidConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with an operator-facing message and its cause.</summary>
    public InvalidConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public InvalidConfigurationException()
        : base("Mercato's configuration is invalid.")
    {
    }
}
