using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Stripe;
using Stripe.Checkout;

namespace Mercato.Payments.Gateways.Stripe;

/// <summary>
/// Payments' adapter to Stripe through Stripe.net: hosted pages are Checkout Sessions, charges of
/// saved cards are PaymentIntents (one per Mercato payment, its id in the metadata), saved cards are
/// PaymentMethods attached to the user's Stripe Customer, and webhooks are verified with the
/// <c>Stripe-Signature</c> scheme on the raw body.
/// </summary>
internal sealed partial class StripeGateway(
    StripeApi api, StripeCustomers customers, IOptions<PaymentsOptions> options, TimeProvider time, ILogger<StripeGateway> logger) : IPaymentGateway
{
    /// <summary>The metadata key carrying Mercato's payment id.</summary>
    public const string PaymentIdKey = "mercato_payment_id";

    /// <summary>The metadata key carrying Mercato's user id on a customer.</summary>
    public const string UserIdKey = "mercato_user_id";

    /// <summary>The header Stripe signs its webhooks in.</summary>
    public const string SignatureHeader = "stripe-signature";

    // Stripe takes a Checkout Session's expires_at from 30 minutes to 24 hours after its creation (a
    // minute of margin each side for the clocks); Mercato's own session still decides when it is too late.
    private static readonly TimeSpan ShortestSession = TimeSpan.FromMinutes(31);
    private static readonly TimeSpan LongestSession = TimeSpan.FromHours(24) - TimeSpan.FromMinutes(1);

    private static readonly string[] ExpandPaymentMethod = ["payment_method"];
    private static readonly string[] ExpandSessionPayment = ["payment_intent", "payment_intent.payment_method"];

    private StripeSettings Settings => options.Value.Stripe;

    /// <inheritdoc />
    public string Name => StripeSettings.GatewayName;

    /// <inheritdoc />
    public async Task<GatewaySession> CreateSessionAsync(SessionRequest request, CancellationToken cancellationToken)
    {
        var metadata = Metadata(request.PaymentId);
        var now = time.GetUtcNow().UtcDateTime;
        var expiresAt = request.ExpiresAt < now + ShortestSession ? now + ShortestSession
            : request.ExpiresAt > now + LongestSession ? now + LongestSession
            : request.ExpiresAt;
        var session = await api.CallAsync(c => new SessionService(c).CreateAsync(
            new SessionCreateOptions
            {
                Mode = "payment",
                ClientReferenceId = request.PaymentId.ToString(),
                Metadata = metadata,
                CustomerEmail = request.CustomerEmail,
                LineItems =
                [
                    new SessionLineItemOptions
                    {
                        Quantity = 1,
                        PriceData = new SessionLineItemPriceDataOptions
                        {
                            Currency = StripeAmounts.Currency(request.Currency),
                            UnitAmount = StripeAmounts.ToMinor(request.Amount, request.Currency),
                            ProductData = new SessionLineItemPriceDataProductDataOptions { Name = request.Description },
                        },
                    },
                ],
                PaymentIntentData = new SessionPaymentIntentDataOptions
                {
                    Metadata = metadata,
                    CaptureMethod = request.ManualCapture ? "manual" : "automatic",
                },
                SuccessUrl = request.ReturnUrl,
                CancelUrl = request.ReturnUrl,
                ExpiresAt = expiresAt,
            },
            new RequestOptions { IdempotencyKey = "mercato-session-" + request.PaymentId.ToString("N") },
            cancellationToken));
        return new GatewaySession(session.Id, session.Url);
    }

    /// <inheritdoc />
    public async Task<GatewayCharge?> GetSessionChargeAsync(string sessionId, CancellationToken cancellationToken)
    {
        Session session;
        try
        {
            session = await api.CallAsync(c => new SessionService(c).GetAsync(sessionId, new SessionGetOptions { Expand = [.. ExpandSessionPayment] }, null, cancellationToken));
        }
        catch (StripeException ex) when (ex.StripeError?.Code == "resource_missing")
        {
            return null;
        }

        if (session.PaymentIntent is { } intent)
        {
            return From(intent);
        }

        return session.Status == "expired"
            ? new GatewayCharge(
                session.Id,
                ReferenceOf(session.Metadata) ?? (Guid.TryParse(session.ClientReferenceId, out var reference) ? reference : null),
                ChargeState.Canceled,
                StripeAmounts.FromMinor(session.AmountTotal ?? 0, session.Currency ?? options.Value.Currency),
                (session.Currency ?? options.Value.Currency).ToUpperInvariant(),
                null,
                null,
                "session_expired",
                null,
                session.Created)
            : null;
    }

    /// <inheritdoc />
    public async Task<GatewayCharge> ChargeAsync(ChargeRequest request, CancellationToken cancellationToken)
    {
        PaymentMethod method;
        try
        {
            method = await api.CallAsync(c => new PaymentMethodService(c).GetAsync(request.MethodId, null, null, cancellationToken));
        }
        catch (StripeException ex) when (ex.StripeError?.Type == "invalid_request_error")
        {
            // The saved card is gone at Stripe (deleted in the dashboard): the charge fails with Stripe's reason.
            throw new GatewayRefusedException(ex.StripeError.Code ?? "payment_method_invalid", ex.StripeError.Message ?? "Stripe refused the payment method.");
        }

        try
        {
            var intent = await api.CallAsync(c => new PaymentIntentService(c).CreateAsync(
                new PaymentIntentCreateOptions
                {
                    Amount = StripeAmounts.ToMinor(request.Amount, request.Currency),
                    Currency = StripeAmounts.Currency(request.Currency),
                    Customer = method.CustomerId,
                    PaymentMethod = method.Id,
                    Confirm = true,
                    OffSession = false,
                    ReturnUrl = request.ReturnUrl,
                    CaptureMethod = request.ManualCapture ? "manual" : "automatic",
                    Metadata = Metadata(request.PaymentId),
                    Expand = [.. ExpandPaymentMethod],
                },
                new RequestOptions { IdempotencyKey = request.IdempotencyKey },
                cancellationToken));
            return From(intent);
        }
        catch (StripeException ex) when (ex.StripeError?.Type == "invalid_request_error")
        {
            throw new GatewayRefusedException(ex.StripeError.Code ?? "invalid_request", ex.StripeError.Message ?? "Stripe refused the charge.");
        }
        catch (StripeException ex) when (ex.StripeError?.Type == "card_error")
        {
            // A decline is an answer, not a fault: the failed PaymentIntent comes with the error.
            var reason = ex.StripeError.DeclineCode ?? ex.StripeError.Code ?? "card_declined";
            LogDeclined(request.PaymentId, reason);
            return ex.StripeError.PaymentIntent is { } failed
                ? From(failed) with { State = ChargeState.Failed, FailureReason = reason, Brand = method.Card?.Brand, Last4 = method.Card?.Last4 }
                : new GatewayCharge(
                    "pi_failed_" + request.PaymentId.ToString("N"), request.PaymentId, ChargeState.Failed, request.Amount, request.Currency,
                    method.Card?.Brand, method.Card?.Last4, reason, null, time.GetUtcNow().UtcDateTime);
        }
    }

    /// <inheritdoc />
    public async Task<GatewayCharge?> GetChargeAsync(string chargeId, CancellationToken cancellationToken)
    {
        try
        {
            return From(await api.CallAsync(c => new PaymentIntentService(c).GetAsync(chargeId, new PaymentIntentGetOptions { Expand = [.. ExpandPaymentMethod] }, null, cancellationToken)));
        }
        catch (StripeException ex) when (ex.StripeError?.Code == "resource_missing")
        {
            return null;
        }
    }

    /// <inheritdoc />
    public async Task<GatewayCharge> CaptureAsync(string chargeId, decimal amount, string currency, string idempotencyKey, CancellationToken cancellationToken)
        => From(await api.CallAsync(c => new PaymentIntentService(c).CaptureAsync(
            chargeId,
            new PaymentIntentCaptureOptions { AmountToCapture = StripeAmounts.ToMinor(amount, currency), Expand = [.. ExpandPaymentMethod] },
            new RequestOptions { IdempotencyKey = idempotencyKey },
            cancellationToken)));

    /// <inheritdoc />
    public async Task<GatewayCharge> VoidAsync(string chargeId, CancellationToken cancellationToken)
        => From(await api.CallAsync(c => new PaymentIntentService(c).CancelAsync(
            chargeId, new PaymentIntentCancelOptions { Expand = [.. ExpandPaymentMethod] }, null, cancellationToken)));

    /// <inheritdoc />
    public async Task<GatewayRefund> RefundAsync(string chargeId, decimal amount, string currency, string idempotencyKey, CancellationToken cancellationToken)
    {
        try
        {
            var refund = await api.CallAsync(c => new RefundService(c).CreateAsync(
                new RefundCreateOptions { PaymentIntent = chargeId, Amount = StripeAmounts.ToMinor(amount, currency) },
                new RequestOptions { IdempotencyKey = idempotencyKey },
                cancellationToken));
            return new GatewayRefund(refund.Id, refund.Status is "succeeded" or "pending", refund.FailureReason);
        }
        catch (StripeException ex) when (ex.StripeError?.Type == "invalid_request_error")
        {
            // Stripe refuses the refund itself (more than is left, a charge it cannot refund): a failed refund, not a fault.
            return new GatewayRefund("re_refused_" + idempotencyKey, false, ex.StripeError.Code ?? ex.StripeError.Message);
        }
    }

    /// <inheritdoc />
    public async Task<SavedCard> SaveCardAsync(string cardToken, CardOwner owner, CancellationToken cancellationToken)
    {
                try
        {
            var method = await api.CallAsync(c => new PaymentMethodService(c).CreateAsync(
                new PaymentMethodCreateOptions { Type = "card", Card = new PaymentMethodCardOptions { Token = cardToken } }, null, cancellationToken));
            var customer = await customers.IdForAsync(api, owner, cancellationToken);
            method = await api.CallAsync(c => new PaymentMethodService(c).AttachAsync(method.Id, new PaymentMethodAttachOptions { Customer = customer }, null, cancellationToken));
            var card = method.Card;
            return new SavedCard(method.Id, card.Brand, card.Last4, (int)card.ExpMonth, (int)card.ExpYear, card.Fingerprint ?? method.Id);
        }
        catch (StripeException ex) when (ex.StripeError?.Type is "card_error" or "invalid_request_error")
        {
            throw new GatewayRefusedException(
                ex.StripeError.DeclineCode ?? ex.StripeError.Code ?? "card_refused",
                $"Stripe refused the card: {ex.StripeError.DeclineCode ?? ex.StripeError.Code ?? ex.StripeError.Message}");
        }
    }

    /// <inheritdoc />
    public async Task DeleteCardAsync(string methodId, CancellationToken cancellationToken)
    {
        try
        {
            await api.CallAsync(c => new PaymentMethodService(c).DetachAsync(methodId, null, null, cancellationToken));
        }
        catch (StripeException ex) when (ex.StripeError?.Type == "invalid_request_error")
        {
            // Already detached or gone at Stripe: forgetting it here is all that is left to do.
            LogAlreadyDetached(methodId, ex.StripeError.Code);
        }
    }

    /// <inheritdoc />
    public Task<GatewayWebhook> ReadWebhookAsync(byte[] body, IReadOnlyDictionary<string, string> headers, CancellationToken cancellationToken)
    {
        headers.TryGetValue(SignatureHeader, out var signature);
        if (string.IsNullOrWhiteSpace(signature))
        {
            throw new GatewayRefusedException("signature_invalid", "The Stripe-Signature header is missing.");
        }

        string json;
        try
        {
            json = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body);
        }
        catch (DecoderFallbackException)
        {
            throw new GatewayRefusedException("payload_invalid", "The webhook body is not UTF-8.");
        }

        Event stripeEvent;
        try
        {
            stripeEvent = EventUtility.ConstructEvent(
                json, signature, Settings.WebhookSecret, (long)Settings.WebhookTolerance.TotalSeconds, time.GetUtcNow().ToUnixTimeSeconds(), throwOnApiVersionMismatch: false);
        }
        catch (StripeException ex) when (ex.Message.Contains("signature", StringComparison.OrdinalIgnoreCase) || ex.Message.Contains("timestamp", StringComparison.OrdinalIgnoreCase))
        {
            throw new GatewayRefusedException("signature_invalid", "The Stripe-Signature is missing, wrong or too old.");
        }
        catch (Exception ex) when (ex is StripeException or Newtonsoft.Json.JsonException or ArgumentException)
        {
            throw new GatewayRefusedException("payload_invalid", "The webhook body is not a Stripe event.");
        }

        return Task.FromResult(StripeWebhooks.Read(stripeEvent));
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<GatewayCharge> ListChargesAsync(DateTime since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var list = new PaymentIntentListOptions { Created = new DateRangeOptions { GreaterThanOrEqual = since }, Limit = 100, Expand = ["data.payment_method"] };
        var intents = new PaymentIntentService(api.Client).ListAutoPagingAsync(list, null, cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (await NextAsync(intents))
            {
                yield return From(intents.Current);
            }
        }
        finally
        {
            await intents.DisposeAsync();
        }
    }

    private static async Task<bool> NextAsync(IAsyncEnumerator<PaymentIntent> intents)
    {
        try
        {
            return await intents.MoveNextAsync();
        }
        catch (Exception ex) when (StripeApi.Unavailable(ex))
        {
            throw StripeApi.Wrap(ex);
        }
    }

    /// <summary>Mercato's payment id as Stripe carries it in metadata.</summary>
    public static Guid? ReferenceOf(IDictionary<string, string>? metadata)
        => metadata is not null && metadata.TryGetValue(PaymentIdKey, out var text) && Guid.TryParse(text, out var id) ? id : null;

    private static Dictionary<string, string> Metadata(Guid paymentId) => new() { [PaymentIdKey] = paymentId.ToString() };

    private static GatewayCharge From(PaymentIntent intent)
    {
        var failure = intent.LastPaymentError is { } error ? error.DeclineCode ?? error.Code ?? "card_declined" : null;
        var state = intent.Status switch
        {
            "succeeded" => ChargeState.Succeeded,
            "requires_capture" => ChargeState.Authorized,
            "requires_action" => ChargeState.RequiresAction,
            "canceled" => ChargeState.Canceled,
            "requires_payment_method" when failure is not null => ChargeState.Failed,
            _ => ChargeState.Pending,
        };
        var currency = intent.Currency.ToUpperInvariant();
        var amount = state == ChargeState.Succeeded && intent.AmountReceived > 0 ? intent.AmountReceived : intent.Amount;
        var card = intent.PaymentMethod?.Card;
        return new GatewayCharge(
            intent.Id,
            ReferenceOf(intent.Metadata),
            state,
            StripeAmounts.FromMinor(amount, currency),
            currency,
            card?.Brand,
            card?.Last4,
            state is ChargeState.Failed ? failure : intent.CancellationReason,
            state == ChargeState.RequiresAction ? intent.NextAction?.RedirectToUrl?.Url : null,
            intent.Created);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stripe declined the charge of payment {PaymentId}: {Reason}")]
    private partial void LogDeclined(Guid paymentId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stripe payment method {MethodId} was already detached ({Code})")]
    private partial void LogAlreadyDetached(string methodId, string? code);
}
