using Stripe;
using Stripe.Checkout;

namespace Mercato.Payments.Gateways.Stripe;

/// <summary>What a verified Stripe event is about: its id (applied once) and the PaymentIntent, session and Mercato payment it names.</summary>
internal static class StripeWebhooks
{
    /// <summary>The event types Payments acts on; any other is acknowledged and ignored.</summary>
    public static readonly IReadOnlySet<string> Handled = new HashSet<string>(StringComparer.Ordinal)
    {
        "checkout.session.completed",
        "payment_intent.succeeded",
        "payment_intent.payment_failed",
        "payment_intent.amount_capturable_updated",
        "charge.refunded",
    };

    /// <summary>Reads a verified event.</summary>
    /// <exception cref="GatewayRefusedException">It has no id or type.</exception>
    public static GatewayWebhook Read(Event stripeEvent)
    {
        if (string.IsNullOrEmpty(stripeEvent.Id) || string.IsNullOrEmpty(stripeEvent.Type))
        {
            throw new GatewayRefusedException("payload_invalid", "The webhook body is not a Stripe event.");
        }

        if (!Handled.Contains(stripeEvent.Type))
        {
            return new GatewayWebhook(stripeEvent.Id, stripeEvent.Type, null, null, null);
        }

        return stripeEvent.Data?.Object switch
        {
            Session session => new GatewayWebhook(
                stripeEvent.Id,
                stripeEvent.Type,
                session.PaymentIntentId,
                session.Id,
                StripeGateway.ReferenceOf(session.Metadata) ?? (Guid.TryParse(session.ClientReferenceId, out var reference) ? reference : null)),
            PaymentIntent intent => new GatewayWebhook(stripeEvent.Id, stripeEvent.Type, intent.Id, null, StripeGateway.ReferenceOf(intent.Metadata)),
            Charge charge => new GatewayWebhook(stripeEvent.Id, stripeEvent.Type, charge.PaymentIntentId, null, StripeGateway.ReferenceOf(charge.Metadata)),
            _ => throw new GatewayRefusedException("payload_invalid", $"The {stripeEvent.Type} event carries no object Payments can read."),
        };
    }
}
