namespace Mercato.Payments.Ledger;

/// <summary>The sums and the status a payment's ledger adds up to.</summary>
/// <param name="Captured">Money taken.</param>
/// <param name="Refunded">Money given back.</param>
/// <param name="Status">The status the entries imply.</param>
internal sealed record PaymentLedger(decimal Captured, decimal Refunded, PaymentStatus Status)
{
    /// <summary>Money held on the card and not yet captured or released (an authorisation's amount while the payment is authorised, else 0).</summary>
    public decimal Authorized { get; init; }

    /// <summary>Money still held: captured minus refunded.</summary>
    public decimal Refundable => Captured - Refunded;

    /// <summary>
    /// Reads a ledger: once money was captured the refunds decide (succeeded, partially refunded,
    /// refunded); before that the latest entry does (an authorisation, a challenge, a failure or a
    /// cancellation), and no entry at all is pending.
    /// </summary>
    public static PaymentLedger Of(IEnumerable<PaymentTransaction> entries)
    {
        var ordered = entries.OrderBy(e => e.At).ThenBy(e => e.Id).ToList();
        var captured = ordered.Where(e => e.Kind == TransactionKind.Captured).Sum(e => e.Amount);
        var refunded = ordered.Where(e => e.Kind == TransactionKind.Refunded).Sum(e => e.Amount);
        if (captured > 0)
        {
            var status = refunded <= 0 ? PaymentStatus.Succeeded : refunded >= captured ? PaymentStatus.Refunded : PaymentStatus.PartiallyRefunded;
            return new PaymentLedger(captured, refunded, status);
        }

        var last = ordered.LastOrDefault(e => e.Kind != TransactionKind.Refunded);
        var before = last?.Kind switch
        {
            TransactionKind.ActionRequired => PaymentStatus.RequiresAction,
            TransactionKind.Authorized => PaymentStatus.Authorized,
            TransactionKind.Failed => PaymentStatus.Failed,
            TransactionKind.Cancelled => PaymentStatus.Cancelled,
            _ => PaymentStatus.Pending,
        };
        return new PaymentLedger(0, refunded, before) { Authorized = before == PaymentStatus.Authorized ? last!.Amount : 0 };
    }
}
