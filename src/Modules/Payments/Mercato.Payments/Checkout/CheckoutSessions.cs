using Mercato.Payments.Data;
using Mercato.Payments.Gateways;
using Mercato.Payments.Ledger;
using Mercato.Payments.Payments;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Microsoft.Extensions.Options;

namespace Mercato.Payments.Checkout;

/// <summary>Opens hosted checkouts: a payment for the order's total, and the gateway's page for it.</summary>
internal sealed class CheckoutSessions(
    PaymentsDbContext db, PayableOrders payable, PaymentGateways gateways, PaymentUrls urls, IOptions<PaymentsOptions> options, TimeProvider time)
{
    /// <summary>Opens a session, or answers why not.</summary>
    public async Task<(CheckoutSessionResponse? Session, ApiErrorResult? Error)> CreateAsync(
        PaymentCaller caller, CheckoutSessionRequest request, CancellationToken cancellationToken)
    {
        var gateway = gateways.Find(request.Gateway ?? options.Value.DefaultGateway);
        if (gateway is null)
        {
            return (null, ApiResults.BadRequest("gateway", $"'Gateway' must be one of: {string.Join(", ", gateways.Names)}."));
        }

        var (order, error) = await payable.FindAsync(caller, request.OrderId, cancellationToken);
        if (order is null)
        {
            return (null, error);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var expiresAt = now + options.Value.SessionLifetime;
        if (order.ExpiresAt is { } orderExpires && orderExpires < expiresAt)
        {
            expiresAt = orderExpires;
        }

        var payment = Payment.For(order, options.Value.Currency, gateway.Name, now);
        db.Payments.Add(payment);
        await db.SaveChangesAsync(cancellationToken);

        var sessionId = Guid.CreateVersion7();
        var opened = await gateway.CreateSessionAsync(
            new SessionRequest(payment.Id, payment.Amount, payment.Currency, urls.SessionReturn(sessionId), expiresAt, $"Order {order.OrderNumber}", order.ContactEmail, options.Value.ManualCapture),
            cancellationToken);
        var session = new CheckoutSession
        {
            Id = sessionId,
            PaymentId = payment.Id,
            GatewaySessionId = opened.SessionId,
            CheckoutUrl = opened.Url,
            SuccessUrl = request.SuccessUrl,
            CancelUrl = request.CancelUrl,
            FailUrl = request.FailUrl,
            ExpiresAt = expiresAt,
            CreatedAt = now,
        };
        db.CheckoutSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return (Response(session, payment), null);
    }

    /// <summary>A session as the API answers it.</summary>
    public static CheckoutSessionResponse Response(CheckoutSession session, Payment payment) => new(
        session.Id,
        payment.Id,
        payment.OrderId,
        payment.OrderNumber,
        session.CheckoutUrl,
        session.ExpiresAt,
        payment.Amount,
        payment.Currency,
        payment.Gateway,
        PaymentStatusNames.Of(payment.Status));
}
