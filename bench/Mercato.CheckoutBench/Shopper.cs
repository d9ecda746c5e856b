namespace Mercato.CheckoutBench;

/// <summary>A customer registered and signed in before the timed part.</summary>
internal sealed record Shopper(string Email, string Token);
