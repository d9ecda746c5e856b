namespace Mercato.Web.Components.Admin.Operations.Models;

/// <summary>A payment with its refunds and, for administrators, its ledger.</summary>
/// <param name="Id">The API's <c>id</c>.</param>
/// <param name="OrderId">The API's <c>orderId</c>.</param>
/// <param name="OrderNumber">The API's <c>orderNumber</c>.</param>
/// <param name="Status">The API's <c>status</c>.</param>
/// <param name="Amount">The API's <c>amount</c>.</param>
/// <param name="Currency">The API's <c>currency</c>.</param>
/// <param name="Authorized">The API's <c>authorized</c>.</param>
/// <param name="Captured">The API's <c>captured</c>.</param>
/// <param name="Refunded">The API's <c>refunded</c>.</param>
/// <param name="Last4">The API's <c>last4</c>.</param>
/// <param name="Brand">The API's <c>brand</c>.</param>
/// <param name="TransactionId">The API's <c>transactionId</c>.</param>
/// <param name="Gateway">The API's <c>gateway</c>.</param>
/// <param name="FailureReason">The API's <c>failureReason</c>.</param>
/// <param name="Refunds">The API's <c>refunds</c>.</param>
/// <param name="Transactions">The API's <c>transactions</c>.</param>
/// <param name="CreatedAt">The API's <c>createdAt</c>.</param>
/// <param name="UpdatedAt">The API's <c>updatedAt</c>.</param>
public sealed record PaymentView(
    Guid Id,
    Guid OrderId,
    string OrderNumber,
    string Status,
    decimal Amount,
    string Currency,
    decimal Authorized,
    decimal Captured,
    decimal Refunded,
    string? Last4,
    string? Brand,
    string? TransactionId,
    string Gateway,
    string? FailureReason,
    IReadOnlyList<RefundView>? Refunds,
    IReadOnlyList<PaymentEntry>? Transactions,
    DateTime CreatedAt,
    DateTime UpdatedAt);
