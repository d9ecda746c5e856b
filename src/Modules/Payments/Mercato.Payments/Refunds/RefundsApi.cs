using System.Security.Claims;
using Mercato.Payments.Data;
using Mercato.Platform.Auth;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Mercato.Platform.Hosting;
using Mercato.Platform.Idempotency;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Mercato.Payments.Refunds;

/// <summary><c>POST /api/v1/payments/{id}/refund</c> (administrators, seed 004): partial or full, never more than is left.</summary>
internal static class RefundsApi
{
    /// <summary>The code of a refund the gateway refused.</summary>
    public const string RefundFailed = "REFUND_FAILED";

    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapRefundsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.ModuleGroup(PaymentsModule.Descriptor).MapGroup("/api/v1/payments").WithTags("Payments")
            .MapPost("/{id:guid}/refund", RefundAsync)
            .RequireAdmin()
            .WithIdempotency<PaymentsDbContext>()
            .WithName("RefundPayment")
            .WithSummary("Gives back part or all of a captured payment (administrators): 409 when it exceeds what is left; 422 when the gateway refuses; Idempotency-Key honoured");
        return endpoints;
    }

    private static async Task<Results<Ok<ApiResponse<RefundResponse>>, Accepted<ApiResponse<RefundResponse>>, ApiErrorResult>> RefundAsync(
        Guid id, RefundRequest request, HttpContext context, ClaimsPrincipal principal, Refunding refunding, CancellationToken cancellationToken)
    {
        if (!IdempotencyKey.TryRead(context.Request, out var key, out var keyError))
        {
            return keyError!;
        }

        // The gateway sees a key per refund intent: the client's (hashed) or a new one.
        var refundKey = GatewayKeys.From(key);
        var actor = principal.FindFirstValue(MercatoClaims.Subject) ?? "admin";
        var (refund, error) = await refunding.RequestAsync(id, request.Amount, request.Reason!.Trim(), actor, refundKey, cancellationToken);
        if (refund is null)
        {
            return error!;
        }

        var body = RefundResponse.From(refund);
        return refund.Status switch
        {
            RefundStatus.Succeeded => ApiResults.Ok(body, "Refund processed successfully"),
            RefundStatus.Failed => ApiResults.Error(
                StatusCodes.Status422UnprocessableEntity, RefundFailed, $"The gateway refused the refund: {refund.FailureReason}. Nothing was refunded."),
            _ => TypedResults.Accepted($"/api/v1/payments/{id}", ApiResults.Wrap(body, "Refund sent; the gateway has not answered yet")),
        };
    }
}
