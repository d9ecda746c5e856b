using Mercato.Payments.Data;
using Mercato.Payments.Payments;
using Mercato.Platform.Auth;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Mercato.Platform.Hosting;
using Mercato.Platform.Idempotency;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Mercato.Payments.Capture;

/// <summary>
/// Manual capture, for administrators (Stripe's and Saleor's vocabulary):
/// <c>POST /api/v1/payments/{id}/capture</c> takes all or part of an authorised payment, and
/// <c>POST /api/v1/payments/{id}/cancel</c> releases it.
/// </summary>
internal static class CaptureApi
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapCaptureApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.ModuleGroup(PaymentsModule.Descriptor).MapGroup("/api/v1/payments").WithTags("Payments");
        group.MapPost("/{id:guid}/capture", CaptureAsync)
            .RequireAdmin()
            .WithIdempotency<PaymentsDbContext>()
            .WithName("CapturePayment")
            .WithSummary("Takes an authorised payment's money (administrators): optional amount, at most what was authorised (default all of it; the rest is released); 409 PAYMENT_NOT_AUTHORIZED when it is not authorised; Idempotency-Key honoured");
        group.MapPost("/{id:guid}/cancel", CancelAsync)
            .RequireAdmin()
            .WithName("CancelPayment")
            .WithSummary("Releases an authorised payment's money (administrators): the payment becomes cancelled and the order unpaid; 409 PAYMENT_NOT_AUTHORIZED when it is not authorised");
        return endpoints;
    }

    private static async Task<Results<Ok<ApiResponse<PaymentResponse>>, ApiErrorResult>> CaptureAsync(
        Guid id, HttpContext context, Capturing capturing, CancellationToken cancellationToken, CaptureRequest? request = null)
    {
        if (!IdempotencyKey.TryRead(context.Request, out var key, out var keyError))
        {
            return keyError!;
        }

        var (payment, error) = await capturing.CaptureAsync(id, request?.Amount, GatewayKeys.From(key), cancellationToken);
        return payment is null ? error! : ApiResults.Ok(PaymentResponse.From(payment, withLedger: true), "Payment captured");
    }

    private static async Task<Results<Ok<ApiResponse<PaymentResponse>>, ApiErrorResult>> CancelAsync(
        Guid id, Capturing capturing, CancellationToken cancellationToken)
    {
        var (payment, error) = await capturing.VoidAsync(id, cancellationToken);
        return payment is null ? error! : ApiResults.Ok(PaymentResponse.From(payment, withLedger: true), "Payment authorisation released");
    }
}
