namespace Mercato.Payments.Gateways;

/// <summary>
/// A payment service provider as Payments uses it. Each implementation (the sandbox, Stripe)
/// talks to its provider; Payments never sees a card number, only the provider's ids and what a
/// shopper recognises a card by.
/// </summary>
internal interface IPaymentGateway
{
    /// <summary>The gateway's name in requests, webhook paths and the ledger (<c>sandbox</c>, <c>stripe</c>).</summary>
    string Name { get; }

    /// <summary>Opens the provider's hosted payment page for one payment.</summary>
    Task<GatewaySession> CreateSessionAsync(SessionRequest request, CancellationToken cancellationToken);

    /// <summary>What became of a hosted session: its charge, or null while the shopper has not paid or cancelled.</summary>
    Task<GatewayCharge?> GetSessionChargeAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>Charges a saved card; the same <see cref="ChargeRequest.IdempotencyKey"/> never charges twice.</summary>
    Task<GatewayCharge> ChargeAsync(ChargeRequest request, CancellationToken cancellationToken);

    /// <summary>A charge as the provider knows it now, or null when it does not know it.</summary>
    Task<GatewayCharge?> GetChargeAsync(string chargeId, CancellationToken cancellationToken);

    /// <summary>Takes money that was only authorised (manual capture); the same key never captures twice.</summary>
    Task<GatewayCharge> CaptureAsync(string chargeId, decimal amount, string currency, string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>Releases an authorisation that will not be captured.</summary>
    Task<GatewayCharge> VoidAsync(string chargeId, CancellationToken cancellationToken);

    /// <summary>Gives money back; the same <paramref name="idempotencyKey"/> never refunds twice.</summary>
    Task<GatewayRefund> RefundAsync(string chargeId, decimal amount, string currency, string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>Saves a card from a token the provider issued (<c>tok_visa</c>) for <paramref name="owner"/> (a provider that keeps customers files it under theirs).</summary>
    /// <exception cref="GatewayRefusedException">The provider does not accept the token.</exception>
    Task<SavedCard> SaveCardAsync(string cardToken, CardOwner owner, CancellationToken cancellationToken);

    /// <summary>Forgets a saved card at the provider.</summary>
    Task DeleteCardAsync(string methodId, CancellationToken cancellationToken);

    /// <summary>Verifies a webhook's signature on its raw body and reads it.</summary>
    /// <exception cref="GatewayRefusedException">The signature is missing, wrong or too old, or the body is not the provider's event.</exception>
    Task<GatewayWebhook> ReadWebhookAsync(byte[] body, IReadOnlyDictionary<string, string> headers, CancellationToken cancellationToken);

    /// <summary>The provider's charges created since <paramref name="since"/>, for reconciliation.</summary>
    IAsyncEnumerable<GatewayCharge> ListChargesAsync(DateTime since, CancellationToken cancellationToken);
}
