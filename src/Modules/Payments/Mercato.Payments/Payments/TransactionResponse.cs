using Mercato.Payments.Ledger;

namespace Mercato.Payments.Payments;

/// <summary>A ledger entry as administrators see it.</summary>
/// <param name="Id">The entry.</param>
/// <param name="Kind"><c>captured</c>, <c>refunded</c>, <c>failed</c>, ...</param>
/// <param name="Amount">The amount.</param>
/// <param name="GatewayReference">The gateway's id of the fact.</param>
/// <param name="Reason">Why, for failures and refunds.</param>
/// <param name="At">When (UTC).</param>
internal sealed record TransactionResponse(Guid Id, string Kind, decimal Amount, string GatewayReference, string? Reason, DateTime At)
{
    /// <summary>Maps an entry.</summary>
    public static TransactionResponse From(PaymentTransaction entry) => new(
        entry.Id,
        entry.Kind == TransactionKind.ActionRequired ? "action_required" : entry.Kind.ToString().ToLowerInvariant(),
        entry.Amount,
        entry.GatewayReference,
        entry.Reason,
        entry.At);
}
