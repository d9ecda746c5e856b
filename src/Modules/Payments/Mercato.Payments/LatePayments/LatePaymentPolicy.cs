namespace Mercato.Payments.LatePayments;

/// <summary>The values of <c>Payments:LatePayment</c>: what happens to a payment captured after its order was cancelled.</summary>
internal static class LatePaymentPolicy
{
    /// <summary>Give the money back (the default).</summary>
    public const string Refund = "refund";

    /// <summary>
    /// Revive the order when it was cancelled by expiry and its stock (and coupon) can still be
    /// had, so the payment pays it; otherwise give the money back.
    /// </summary>
    public const string Revive = "revive";

    /// <summary>Every accepted value.</summary>
    public static readonly IReadOnlyList<string> All = [Refund, Revive];
}
