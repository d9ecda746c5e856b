namespace Mercato.Payments;

/// <summary>Error codes of the Payments API beyond the platform's.</summary>
internal static class PaymentErrors
{
    /// <summary>The order cannot be paid (not pending, expired, already paid).</summary>
    public const string OrderNotPayable = "ORDER_NOT_PAYABLE";

    /// <summary>The amount or currency sent is not the order's.</summary>
    public const string AmountMismatch = "AMOUNT_MISMATCH";

    /// <summary>A refund asks for more than is left to give back.</summary>
    public const string RefundExceedsCaptured = "REFUND_EXCEEDS_CAPTURED";

    /// <summary>Nothing was captured on the payment, so nothing can be refunded.</summary>
    public const string NotCaptured = "PAYMENT_NOT_CAPTURED";

    /// <summary>Only an authorised payment can be captured or released (manual capture).</summary>
    public const string NotAuthorized = "PAYMENT_NOT_AUTHORIZED";

    /// <summary>A capture asks for more than was authorised.</summary>
    public const string CaptureExceedsAuthorized = "CAPTURE_EXCEEDS_AUTHORIZED";

    /// <summary>The checkout session expired.</summary>
    public const string SessionExpired = "SESSION_EXPIRED";

    /// <summary>The gateway refused a card token.</summary>
    public const string CardRefused = "CARD_REFUSED";

    /// <summary>A webhook's signature is missing or wrong.</summary>
    public const string InvalidSignature = "INVALID_SIGNATURE";
}
