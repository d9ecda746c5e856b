using Mercato.Payments.Ledger;
using Mercato.Payments.Refunds;

namespace Mercato.Payments.Payments;

/// <summary>A payment as the API answers it: seed 004's fields, its refunds, and for administrators its ledger.</summary>
/// <param name="Id">The payment.</param>
/// <param name="PaymentId">The payment again, under seed 004's process answer name.</param>
/// <param name="OrderId">The order.</param>
/// <param name="OrderNumber">The order's number.</param>
/// <param name="Status">Derived from the ledger.</param>
/// <param name="Amount">The order's total.</param>
/// <param name="Currency">ISO 4217.</param>
/// <param name="Authorized">Money held on the card, not yet captured (manual capture; 0 otherwise).</param>
/// <param name="Captured">Money taken.</param>
/// <param name="Refunded">Money given back.</param>
/// <param name="PaymentMethod">Always <c>card</c> today.</param>
/// <param name="Last4">The card's last four digits, once known.</param>
/// <param name="Brand">The card's brand, once known.</param>
/// <param name="TransactionId">The gateway's charge id, once there is one.</param>
/// <param name="Gateway">The gateway.</param>
/// <param name="ActionUrl">Where the shopper completes a challenge, while one is required.</param>
/// <param name="FailureReason">Why the last attempt failed, if it did.</param>
/// <param name="Receipt">A receipt URL, when the gateway offers one.</param>
/// <param name="Refunds">Refunds in every state.</param>
/// <param name="Transactions">The ledger (administrators only; null otherwise).</param>
/// <param name="CreatedAt">Created (UTC).</param>
/// <param name="UpdatedAt">Last changed (UTC).</param>
internal sealed record PaymentResponse(
    Guid Id,
    Guid PaymentId,
    Guid OrderId,
    string OrderNumber,
    string Status,
    decimal Amount,
    string Currency,
    decimal Authorized,
    decimal Captured,
    decimal Refunded,
    string PaymentMethod,
    string? Last4,
    string? Brand,
    string? TransactionId,
    string Gateway,
    string? ActionUrl,
    string? FailureReason,
    string? Receipt,
    IReadOnlyList<RefundResponse> Refunds,
    IReadOnlyList<TransactionResponse>? Transactions,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    /// <summary>Maps a payment; the ledger only when <paramref name="withLedger"/>.</summary>
    public static PaymentResponse From(Payment payment, bool withLedger) => new(
        payment.Id,
        payment.Id,
        payment.OrderId,
        payment.OrderNumber,
        PaymentStatusNames.Of(payment.Status),
        payment.Amount,
        payment.Currency,
        PaymentLedger.Of(payment.Transactions).Authorized,
        payment.Captured,
        payment.Refunded,
        "card",
        payment.CardLast4,
        payment.CardBrand,
        payment.GatewayPaymentId,
        payment.Gateway,
        payment.ActionUrl,
        payment.FailureReason,
        null,
        payment.Refunds.OrderBy(r => r.CreatedAt).Select(RefundResponse.From).ToList(),
        withLedger ? payment.Transactions.OrderBy(t => t.At).ThenBy(t => t.Id).Select(TransactionResponse.From).ToList() : null,
        payment.CreatedAt,
        payment.UpdatedAt);
}
