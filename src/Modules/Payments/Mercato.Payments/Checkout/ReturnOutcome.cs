using Mercato.Payments.Ledger;
using Mercato.Platform.Envelope;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Mercato.Payments.Checkout;

/// <summary>
/// Where a browser coming back from a gateway goes: the shop's success, fail or cancel URL (with
/// <c>payment_id</c>, <c>order_id</c> and <c>status</c> added), or, when the shop gave none, seed
/// 000's answer <c>{"status": "success"}</c> / <c>"failed"</c> / <c>"canceled"</c> / <c>"pending"</c> in the envelope.
/// </summary>
/// <param name="Status">The outcome: <c>success</c>, <c>failed</c>, <c>canceled</c> or <c>pending</c>.</param>
/// <param name="PaymentId">The payment.</param>
/// <param name="OrderId">The order.</param>
/// <param name="PaymentStatus">The payment's status.</param>
internal sealed record ReturnOutcome(string Status, Guid PaymentId, Guid OrderId, string PaymentStatus)
{
    /// <summary>The outcome of a payment as it stands.</summary>
    public static ReturnOutcome Of(Payment payment) => new(
        payment.Status switch
        {
            Ledger.PaymentStatus.Succeeded or Ledger.PaymentStatus.PartiallyRefunded or Ledger.PaymentStatus.Refunded or Ledger.PaymentStatus.Authorized => "success",
            Ledger.PaymentStatus.Failed => "failed",
            Ledger.PaymentStatus.Cancelled => "canceled",
            _ => "pending",
        },
        payment.Id,
        payment.OrderId,
        PaymentStatusNames.Of(payment.Status));

    /// <summary>303 to the shop's URL for this outcome, or 200 with the outcome when there is none.</summary>
    public IResult Answer(HttpContext context, string? successUrl, string? failUrl, string? cancelUrl)
    {
        var target = Status switch
        {
            "success" => successUrl,
            "failed" => failUrl ?? cancelUrl,
            "canceled" => cancelUrl,
            _ => null,
        };
        if (target is null)
        {
            return ApiResults.Ok(this, Status == "success" ? "Payment succeeded" : $"Payment {Status}");
        }

        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.Location = QueryHelpers.AddQueryString(target, new Dictionary<string, string?>
        {
            ["payment_id"] = PaymentId.ToString(),
            ["order_id"] = OrderId.ToString(),
            ["status"] = Status,
        });
        return Results.StatusCode(StatusCodes.Status303SeeOther);
    }
}
