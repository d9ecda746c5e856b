namespace Mercato.CheckoutBench;

/// <summary>A customer registered and signed in before the timed part, with the card it pays with (null when the run does not pay).</summary>
internal sealed record Shopper(string Email, string Token, Guid? PaymentMethodId);
