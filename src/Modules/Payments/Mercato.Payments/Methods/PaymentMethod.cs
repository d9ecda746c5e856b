namespace Mercato.Payments.Methods;

/// <summary>
/// A customer's saved card, held by the gateway: Mercato keeps only the gateway's id and what a
/// shopper needs to recognise it (brand, last four digits, expiry), never the number.
/// </summary>
internal sealed class PaymentMethod
{
    /// <summary>Id (UUIDv7).</summary>
    public Guid Id { get; set; }

    /// <summary>The customer.</summary>
    public Guid UserId { get; set; }

    /// <summary>The gateway that holds it.</summary>
    public string Gateway { get; set; } = string.Empty;

    /// <summary>The gateway's id of the card.</summary>
    public string GatewayMethodId { get; set; } = string.Empty;

    /// <summary>Always <c>card</c> today.</summary>
    public string Type { get; set; } = "card";

    /// <summary>Brand (<c>visa</c>, <c>mastercard</c>, ...).</summary>
    public string Brand { get; set; } = string.Empty;

    /// <summary>Last four digits.</summary>
    public string Last4 { get; set; } = string.Empty;

    /// <summary>Expiry month (1–12).</summary>
    public int ExpiryMonth { get; set; }

    /// <summary>Expiry year.</summary>
    public int ExpiryYear { get; set; }

    /// <summary>The gateway's fingerprint of the card number (the same card saved twice has the same one).</summary>
    public string Fingerprint { get; set; } = string.Empty;

    /// <summary>Whether it is the customer's default (one at most).</summary>
    public bool IsDefault { get; set; }

    /// <summary>Saved (UTC).</summary>
    public DateTime CreatedAt { get; set; }
}
