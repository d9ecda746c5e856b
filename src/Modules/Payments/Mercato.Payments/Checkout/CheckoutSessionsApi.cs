using Mercato.Payments.Completion;
using Mercato.Payments.Data;
using Mercato.Payments.Gateways;
using Mercato.Platform.Binding;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Mercato.Platform.Hosting;
using Mercato.Platform.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Payments.Checkout;

/// <summary>
/// Hosted checkout (seed 000's payment link, seed 002's gateway): open a session for an order,
/// read it, and the browser's return from the gateway, which completes the payment if the webhook
/// has not yet.
/// </summary>
internal static class CheckoutSessionsApi
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapCheckoutSessionsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.ModuleGroup(PaymentsModule.Descriptor).MapGroup("/api/v1/payments").WithTags("Payments");
        foreach (var (path, name) in new[] { ("/checkout-sessions", "CreateCheckoutSession"), ("/create-checkout-session", "CreateCheckoutSessionSeed000") })
        {
            var route = group.MapPost(path, CreateAsync)
                .AllowAnonymous()
                .AcceptsGuestCartKey(required: false)
                .WithMetadata(NotFoundResponseMetadata.Instance)
                .WithAliases(a => a
                    .Header("cart_key", Mercato.Platform.Http.CartKeyHeader.Name)
                    .Field("order_id", "orderId")
                    .Field("success_url", "successUrl")
                    .Field("cancel_url", "cancelUrl")
                    .Field("fail_url", "failUrl"))
                .WithName(name);
            if (name.EndsWith("Seed000", StringComparison.Ordinal))
            {
                route.WithSummary("Seed 000's name for creating a checkout session (same as POST /api/v1/payments/checkout-sessions)");
            }
            else
            {
                route.WithSummary("Opens the gateway's hosted payment page for the caller's order (a signed-in customer's, or a guest's with X-Cart-Key); answers checkoutUrl, sessionId and expiresAt");
            }
        }

        group.MapGet("/checkout-sessions/{id:guid}", GetAsync).AllowAnonymous().AcceptsGuestCartKey(required: false)
            .WithName("GetCheckoutSession").WithSummary("A checkout session and its payment's status (its owner or an administrator)");
        group.MapGet("/checkout-sessions/{id:guid}/return", ReturnAsync).AllowAnonymous()
            .WithName("ReturnFromCheckout")
            .WithSummary("Where the gateway sends the browser back: completes the payment from the gateway's record and redirects (303) to the shop's success, fail or cancel URL");
        return endpoints;
    }

    private static async Task<Results<Created<ApiResponse<CheckoutSessionResponse>>, ApiErrorResult>> CreateAsync(
        HttpContext context, CheckoutSessions sessions, CancellationToken cancellationToken, CheckoutSessionRequest? request = null)
    {
        var (caller, error) = PaymentCaller.From(context);
        if (caller is null)
        {
            return error!;
        }

        var (session, refused) = await sessions.CreateAsync(caller, request ?? new CheckoutSessionRequest(), cancellationToken);
        return session is null
            ? refused!
            : ApiResults.Created($"/api/v1/payments/checkout-sessions/{session.SessionId}", session, "Checkout session created");
    }

    private static async Task<Results<Ok<ApiResponse<CheckoutSessionResponse>>, ApiErrorResult>> GetAsync(
        Guid id, HttpContext context, PaymentsDbContext db, CancellationToken cancellationToken)
    {
        var (caller, error) = PaymentCaller.From(context);
        if (caller is null)
        {
            return error!;
        }

        var session = await db.CheckoutSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        var payment = session is null ? null : await db.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.Id == session.PaymentId, cancellationToken);
        return payment is null || !caller.Owns(payment.UserId, payment.GuestKeyHash)
            ? ApiResults.NotFound("Checkout session not found")
            : ApiResults.Ok(CheckoutSessions.Response(session!, payment));
    }

    private static async Task<IResult> ReturnAsync(
        Guid id, HttpContext context, PaymentsDbContext db, PaymentGateways gateways, PaymentCompletion completion, CancellationToken cancellationToken)
    {
        var session = await db.CheckoutSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        var payment = session is null ? null : await db.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.Id == session.PaymentId, cancellationToken);
        if (payment is null)
        {
            return ApiResults.NotFound("Checkout session not found");
        }

        // The browser's word is never taken: the gateway's record decides.
        var charge = await gateways.Get(payment.Gateway).GetSessionChargeAsync(session!.GatewaySessionId, cancellationToken);
        if (charge is not null)
        {
            payment = await completion.ApplyAsync(payment.Id, charge, null, cancellationToken) ?? payment;
        }

        return ReturnOutcome.Of(payment).Answer(context, session.SuccessUrl, session.FailUrl, session.CancelUrl);
    }
}
