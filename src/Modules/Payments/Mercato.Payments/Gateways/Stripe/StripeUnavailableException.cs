using System.Net;
using Mercato.Platform.Errors;

namespace Mercato.Payments.Gateways.Stripe;

/// <summary>
/// Stripe gave no usable answer (unreachable, 5xx or rate-limited after Stripe.net's retries, or
/// the configured key refused). Escaping an endpoint it answers 503; a refund left without an
/// answer stays sent and is asked again with the same idempotency key.
/// </summary>
/// <param name="statusCode">The status of Stripe's last answer, or null when there was none.</param>
/// <param name="innerException">What Stripe.net reported.</param>
internal sealed class StripeUnavailableException(HttpStatusCode? statusCode, Exception innerException)
    : DependencyUnavailableException("Stripe", "Stripe gave no usable answer.", statusCode, innerException);
