namespace Mercato.Payments.Gateways;

/// <summary>Whose card is saved: a provider that keeps customers (Stripe) files the card under this user's customer; the sandbox ignores it.</summary>
/// <param name="UserId">The Mercato user.</param>
/// <param name="Email">Their e-mail, if known.</param>
internal sealed record CardOwner(Guid UserId, string? Email);
