using Mercato.Payments.Completion;
using Mercato.Payments.Data;
using Mercato.Payments.Gateways;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Mercato.Platform.Hosting;
using Mercato.Platform.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Mercato.Payments.Webhooks;

/// <summary>
/// <c>POST /api/v1/payments/webhooks/{gateway}</c>: a provider's event, verified on the raw body
/// (a bad or missing signature is 400 and changes nothing), applied once per event id in the same
/// transaction as its effect. The event only says which charge changed; the provider's record of
/// that charge is what gets applied.
/// </summary>
internal static partial class GatewayWebhookApi
{
    /// <summary>The largest webhook body read.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapGatewayWebhookApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.ModuleGroup(PaymentsModule.Descriptor).MapGroup("/api/v1/payments").WithTags("Payments")
            .MapPost("/webhooks/{gateway}", ReceiveAsync)
            .AllowAnonymous()
            .WithoutRateLimit()
            .WithName("ReceiveGatewayWebhook")
            .WithSummary("A payment provider's signed webhook (Standard Webhooks headers for the sandbox, Stripe-Signature for Stripe); each event is applied once");
        return endpoints;
    }

    private static async Task<Results<Ok<ApiResponse<WebhookReceipt>>, ApiErrorResult>> ReceiveAsync(
        string gateway,
        HttpContext context,
        PaymentsDbContext db,
        PaymentGateways gateways,
        PaymentCompletion completion,
        TimeProvider time,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var provider = gateways.Find(gateway);
        if (provider is null)
        {
            return ApiResults.NotFound($"No gateway named '{gateway}' is enabled");
        }

        var body = await ReadBodyAsync(context.Request, cancellationToken);
        if (body is null)
        {
            return ApiResults.Error(StatusCodes.Status413PayloadTooLarge, ErrorCodes.PayloadTooLarge, $"A webhook body is at most {MaxBodyBytes} bytes");
        }

        var headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
        GatewayWebhook webhook;
        try
        {
            webhook = await provider.ReadWebhookAsync(body, headers, cancellationToken);
        }
        catch (GatewayRefusedException ex)
        {
            return ApiResults.BadRequest(ex.Code == "payload_invalid" ? "body" : "webhook-signature", ex.Message, PaymentErrors.InvalidSignature);
        }

        var paymentId = await FindPaymentAsync(db, provider.Name, webhook, cancellationToken);
        var logger = loggers.CreateLogger(typeof(GatewayWebhookApi));
        if (paymentId is null)
        {
            LogUnknown(logger, provider.Name, webhook.EventId, webhook.Type);
            return ApiResults.Ok(new WebhookReceipt(webhook.EventId, false), "Event received; it concerns no payment of this shop");
        }

        var charge = webhook.ChargeId is { } chargeId
            ? await provider.GetChargeAsync(chargeId, cancellationToken)
            : webhook.SessionId is { } sessionId ? await provider.GetSessionChargeAsync(sessionId, cancellationToken) : null;
        if (charge is null)
        {
            return ApiResults.Ok(new WebhookReceipt(webhook.EventId, false), "Event received; nothing to apply");
        }

        var applied = new GatewayEvent { Gateway = provider.Name, EventId = webhook.EventId, Type = webhook.Type, ReceivedAt = time.GetUtcNow().UtcDateTime };
        await completion.ApplyAsync(paymentId.Value, charge, applied, cancellationToken);
        return ApiResults.Ok(new WebhookReceipt(webhook.EventId, true), "Event applied");
    }

    private static async Task<Guid?> FindPaymentAsync(PaymentsDbContext db, string gateway, GatewayWebhook webhook, CancellationToken cancellationToken)
    {
        if (webhook.Reference is { } reference && await db.Payments.AnyAsync(p => p.Id == reference && p.Gateway == gateway, cancellationToken))
        {
            return reference;
        }

        if (webhook.ChargeId is { } chargeId
            && await db.Payments.Where(p => p.Gateway == gateway && p.GatewayPaymentId == chargeId).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken) is { } byCharge)
        {
            return byCharge;
        }

        return webhook.SessionId is { } sessionId
            ? await db.CheckoutSessions.Where(s => s.GatewaySessionId == sessionId).Select(s => (Guid?)s.PaymentId).FirstOrDefaultAsync(cancellationToken)
            : null;
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {EventId} ({Type}) of {Gateway} concerns no known payment")]
    private static partial void LogUnknown(ILogger logger, string gateway, string eventId, string type);
}
