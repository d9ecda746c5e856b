namespace Mercato.Payments.Ledger;

/// <summary>Statuses as the API writes them (<c>partially_refunded</c>, ...).</summary>
internal static class PaymentStatusNames
{
    /// <summary>Every status by its API name.</summary>
    public static readonly IReadOnlyDictionary<string, PaymentStatus> ByName =
        Enum.GetValues<PaymentStatus>().ToDictionary(Of, s => s, StringComparer.OrdinalIgnoreCase);

    /// <summary>The API name of <paramref name="status"/>.</summary>
    public static string Of(PaymentStatus status) => status switch
    {
        PaymentStatus.RequiresAction => "requires_action",
        PaymentStatus.PartiallyRefunded => "partially_refunded",
        _ => status.ToString().ToLowerInvariant(),
    };
}
