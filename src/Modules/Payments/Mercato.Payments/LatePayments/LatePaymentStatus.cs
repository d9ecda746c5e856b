namespace Mercato.Payments.LatePayments;

/// <summary>A late payment's life: pending → refunded or revived.</summary>
internal enum LatePaymentStatus
{
    /// <summary>Found, not resolved yet: the resolver tries it when due.</summary>
    Pending,

    /// <summary>Given back: the refund is recorded (and sent, or left to reconciliation to send).</summary>
    Refunded,

    /// <summary>Its order was revived and the payment applied to it (<c>PaymentSucceeded</c> published).</summary>
    Revived,
}
