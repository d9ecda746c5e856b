using System.Runtime.CompilerServices;
using System.Text.Json;
using Mercato.Platform.Security;

namespace Mercato.Payments.Gateways.Sandbox;

/// <summary>Payments' adapter to the sandbox provider (<see cref="SandboxPsp"/>): the same calls and the same webhook checks a remote provider gets.</summary>
internal sealed class SandboxGateway(SandboxPsp psp, PaymentUrls urls, TimeProvider time) : IPaymentGateway
{
    /// <inheritdoc />
    public string Name => SandboxSettings.GatewayName;

    /// <inheritdoc />
    public async Task<GatewaySession> CreateSessionAsync(SessionRequest request, CancellationToken cancellationToken)
    {
        var session = await psp.CreateSessionAsync(request, cancellationToken);
        return new GatewaySession(session.Id, urls.SandboxPage(session.Id));
    }

    /// <inheritdoc />
    public async Task<GatewayCharge?> GetSessionChargeAsync(string sessionId, CancellationToken cancellationToken)
    {
        var session = await psp.FindSessionAsync(sessionId, cancellationToken);
        if (session is null)
        {
            return null;
        }

        if (session.ChargeId is { } chargeId)
        {
            return await GetChargeAsync(chargeId, cancellationToken);
        }

        var expired = session.Status == SandboxSessionStatus.Open && session.ExpiresAt <= time.GetUtcNow().UtcDateTime;
        return session.Status == SandboxSessionStatus.Canceled || expired
            ? new GatewayCharge(session.Id, session.Reference, ChargeState.Canceled, session.Amount, session.Currency, null, null,
                expired ? "session_expired" : "canceled_by_customer", null, session.CreatedAt)
            : null;
    }

    /// <inheritdoc />
    public async Task<GatewayCharge> ChargeAsync(ChargeRequest request, CancellationToken cancellationToken)
        => From(await psp.ChargeCardAsync(request, cancellationToken));

    /// <inheritdoc />
    public async Task<GatewayCharge?> GetChargeAsync(string chargeId, CancellationToken cancellationToken)
        => await psp.FindChargeAsync(chargeId, cancellationToken) is { } charge ? From(charge) : null;

    /// <inheritdoc />
    public async Task<GatewayRefund> RefundAsync(string chargeId, decimal amount, string currency, string idempotencyKey, CancellationToken cancellationToken)
    {
        var refund = await psp.RefundAsync(chargeId, amount, idempotencyKey, cancellationToken);
        return new GatewayRefund(refund.Id, refund.Succeeded, refund.FailureReason);
    }

    /// <inheritdoc />
    public async Task<GatewayCharge> CaptureAsync(string chargeId, decimal amount, string currency, string idempotencyKey, CancellationToken cancellationToken)
        => From(await psp.CaptureAsync(chargeId, amount, idempotencyKey, cancellationToken));

    /// <inheritdoc />
    public async Task<GatewayCharge> VoidAsync(string chargeId, CancellationToken cancellationToken)
        => From(await psp.VoidAsync(chargeId, cancellationToken));

    /// <inheritdoc />
    public async Task<SavedCard> SaveCardAsync(string cardToken, CardOwner owner, CancellationToken cancellationToken)
    {
        var card = await psp.SaveCardAsync(cardToken, cancellationToken);
        return new SavedCard(card.Id, card.Brand, card.Last4, card.ExpiryMonth, card.ExpiryYear, card.Fingerprint);
    }

    /// <inheritdoc />
    public Task DeleteCardAsync(string methodId, CancellationToken cancellationToken) => psp.DeleteCardAsync(methodId, cancellationToken);

    /// <inheritdoc />
    public async Task<GatewayWebhook> ReadWebhookAsync(byte[] body, IReadOnlyDictionary<string, string> headers, CancellationToken cancellationToken)
    {
        var secret = await psp.SecretAsync(cancellationToken);
        headers.TryGetValue(StandardWebhookSignature.IdHeader, out var id);
        headers.TryGetValue(StandardWebhookSignature.TimestampHeader, out var timestamp);
        headers.TryGetValue(StandardWebhookSignature.SignatureHeader, out var signature);
        if (!StandardWebhookSignature.Verify(secret, id, timestamp, signature, body, time.GetUtcNow(), StandardWebhookSignature.DefaultTolerance))
        {
            throw new GatewayRefusedException("signature_invalid", "The webhook signature is missing, wrong or too old.");
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var data = root.GetProperty("data");
            var eventId = root.GetProperty("id").GetString();
            if (eventId != id)
            {
                throw new GatewayRefusedException("signature_invalid", "The webhook id does not match its body.");
            }

            return new GatewayWebhook(
                eventId!,
                root.GetProperty("type").GetString() ?? string.Empty,
                Text(data, "charge"),
                Text(data, "session"),
                Guid.TryParse(Text(data, "reference"), out var reference) ? reference : null);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new GatewayRefusedException("payload_invalid", "The webhook body is not a sandbox event.");
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<GatewayCharge> ListChargesAsync(DateTime since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var charge in await psp.ListChargesAsync(since, cancellationToken))
        {
            yield return From(charge);
        }
    }

    private static string? Text(JsonElement data, string name)
        => data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private GatewayCharge From(SandboxCharge charge) => new(
        charge.Id,
        charge.Reference,
        charge.State,
        charge.Amount,
        charge.Currency,
        charge.Brand,
        charge.Last4,
        charge.FailureCode,
        charge.State == ChargeState.RequiresAction ? urls.SandboxChallenge(charge.Id) : null,
        charge.CreatedAt);
}
