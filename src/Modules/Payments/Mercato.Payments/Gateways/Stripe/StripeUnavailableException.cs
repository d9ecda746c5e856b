using System.Net;
using Mercato.Platform.Errors;

namespace Mercato.Payments.Gateways.Stripe;

/// <summary>
/// Stripe gave no usable answer (unreachable, 5xx or rate-limited after Stripe.net's retries, or
/// the configured key refused). Escaping an endpoint it answers 503; a refund left without an
/// answer stays sent and is asked again with the same idempotency key.
/// </summary>
public sealed class StripeUnavailableException : DependencyUnavailableException
{
    /// <summary>Creates the exception.</summary>
    public StripeUnavailableException()
        : base("Stripe", "Stripe is unavailable.", null)
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public StripeUnavailableException(string message)
        : base("Stripe", message, null)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public StripeUnavailableException(string message, Exception innerException)
        : base("Stripe", message, innerException)
    {
    }

    /// <summary>Creates the exception for an answer with <paramref name="statusCode"/>, or for no answer (null).</summary>
    public StripeUnavailableException(string message, HttpStatusCode? statusCode, Exception? innerException = null)
        : base("Stripe", message, statusCode, innerException)
    {
    }
}
