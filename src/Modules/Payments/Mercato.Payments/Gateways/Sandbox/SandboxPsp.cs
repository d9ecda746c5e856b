using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Mercato.Payments.Data;
using Mercato.Platform.Persistence;
using Mercato.Platform.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mercato.Payments.Gateways.Sandbox;

/// <summary>
/// The sandbox payment provider: it runs inside Mercato but keeps its own records (the
/// <c>sandbox_*</c> tables, each change in a unit of work of its own, as a provider's database
/// would be apart from the merchant's), serves its own checkout page, decides outcomes by
/// Stripe's test cards, and tells the merchant by signed webhook a little after it answered the
/// browser. It stores no card number.
/// </summary>
internal sealed partial class SandboxPsp(
    IServiceScopeFactory scopes,
    IOptions<PaymentsOptions> options,
    PaymentUrls urls,
    TimeProvider time,
    ILogger<SandboxPsp> logger)
{
    /// <summary>Why a voided charge is cancelled.</summary>
    public const string VoidedCode = "authorization_voided";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Opens a checkout page.</summary>
    public Task<SandboxSession> CreateSessionAsync(SessionRequest request, CancellationToken cancellationToken) => WithDbAsync(async db =>
    {
        var session = new SandboxSession
        {
            Id = NewId("cs_sbx_"),
            Reference = request.PaymentId,
            Amount = request.Amount,
            Currency = request.Currency,
            Description = request.Description,
            ReturnUrl = request.ReturnUrl,
            ExpiresAt = request.ExpiresAt,
            ManualCapture = request.ManualCapture,
            Status = SandboxSessionStatus.Open,
            CreatedAt = Now,
        };
        db.SandboxSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return session;
    });

    /// <summary>A checkout page, or null.</summary>
    public Task<SandboxSession?> FindSessionAsync(string id, CancellationToken cancellationToken)
        => WithDbAsync(db => db.SandboxSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken));

    /// <summary>A charge, or null.</summary>
    public Task<SandboxCharge?> FindChargeAsync(string id, CancellationToken cancellationToken)
        => WithDbAsync(db => db.SandboxCharges.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken));

    /// <summary>Why a session can no longer be paid, or null when it can.</summary>
    public string? ClosedReason(SandboxSession session) => session.Status switch
    {
        SandboxSessionStatus.Complete => "This payment is complete.",
        SandboxSessionStatus.Canceled => "This payment was cancelled.",
        _ when session.ExpiresAt <= Now => "This payment page has expired.",
        _ when session.ChargeId is not null => "This payment is being processed.",
        _ => null,
    };

    /// <summary>The shopper submitted the page with a card.</summary>
    public async Task<PageOutcome?> PayAsync(string sessionId, CardForm form, CancellationToken cancellationToken)
    {
        var session = await FindSessionAsync(sessionId, cancellationToken);
        if (session is null)
        {
            return null;
        }

        if (ClosedReason(session) is { } closed)
        {
            return new PageOutcome(null, new Dictionary<string, string>(), closed);
        }

        var problems = form.Problems(Now);
        if (problems.Count > 0)
        {
            return new PageOutcome(null, problems, null);
        }

        var digits = form.Digits;
        var behaviour = TestCards.BehaviourOf(digits);
        var charge = new SandboxCharge
        {
            Id = NewId("ch_sbx_"),
            SessionId = session.Id,
            Reference = session.Reference,
            Amount = session.Amount,
            Currency = session.Currency,
            Brand = TestCards.BrandOf(digits),
            Last4 = digits[^4..],
            Behaviour = behaviour,
            ManualCapture = session.ManualCapture,
            ReturnUrl = session.ReturnUrl,
            CreatedAt = Now,
        };
        Decide(charge);
        var claimed = await WithDbAsync(async db =>
        {
            // Claim the page: of two submits at once (a double click), one charges.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var now = Now;
            var rows = await db.SandboxSessions
                .Where(s => s.Id == session.Id && s.Status == SandboxSessionStatus.Open && s.ChargeId == null && s.ExpiresAt > now)
                .ExecuteUpdateAsync(
                    u => u.SetProperty(s => s.ChargeId, charge.Id)
                        .SetProperty(s => s.Status, charge.State == ChargeState.RequiresAction ? SandboxSessionStatus.Open : SandboxSessionStatus.Complete),
                    cancellationToken);
            if (rows == 0)
            {
                return false;
            }

            db.SandboxCharges.Add(charge);
            Enqueue(db, charge);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        });
        if (!claimed)
        {
            return new PageOutcome(null, new Dictionary<string, string>(), "This payment is already being processed.");
        }

        LogCharged(charge.Id, session.Reference, charge.State, charge.FailureCode);
        return new PageOutcome(
            charge.State == ChargeState.RequiresAction ? urls.SandboxChallenge(charge.Id) : session.ReturnUrl,
            new Dictionary<string, string>(),
            null);
    }

    /// <summary>The shopper cancelled on the page; answers where the browser goes, or null when there is no such page.</summary>
    public Task<string?> CancelSessionAsync(string sessionId, CancellationToken cancellationToken) => WithDbAsync(async db =>
    {
        var session = await db.SandboxSessions.FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null)
        {
            return null;
        }

        if (session.Status == SandboxSessionStatus.Open && session.ChargeId is null)
        {
            session.Status = SandboxSessionStatus.Canceled;
            db.SandboxWebhooks.Add(Webhook("checkout.session.canceled", null, session));
            await db.SaveChangesAsync(cancellationToken);
        }

        return session.ReturnUrl;
    });

    /// <summary>The shopper passed or failed a challenge; answers where the browser goes, or null when there is no such challenge.</summary>
    public Task<string?> CompleteChallengeAsync(string chargeId, bool approved, CancellationToken cancellationToken) => WithDbAsync(async db =>
    {
        var charge = await db.SandboxCharges.FirstOrDefaultAsync(c => c.Id == chargeId, cancellationToken);
        if (charge is null)
        {
            return null;
        }

        if (charge.State == ChargeState.RequiresAction)
        {
            if (approved)
            {
                Approve(charge);
            }
            else
            {
                (charge.State, charge.FailureCode) = (ChargeState.Failed, "authentication_failed");
            }

            if (charge.SessionId is { } sessionId)
            {
                await db.SandboxSessions.Where(s => s.Id == sessionId)
                    .ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, SandboxSessionStatus.Complete), cancellationToken);
            }

            Enqueue(db, charge);
            await db.SaveChangesAsync(cancellationToken);
            LogCharged(charge.Id, charge.Reference, charge.State, charge.FailureCode);
        }

        return charge.ReturnUrl;
    });

    /// <summary>Charges a saved card; a repeated idempotency key answers the first charge.</summary>
    /// <exception cref="GatewayRefusedException">The card is unknown or deleted.</exception>
    public async Task<SandboxCharge> ChargeCardAsync(ChargeRequest request, CancellationToken cancellationToken)
    {
        var existing = await WithDbAsync(db => db.SandboxCharges.AsNoTracking().FirstOrDefaultAsync(c => c.IdempotencyKey == request.IdempotencyKey, cancellationToken));
        if (existing is not null)
        {
            return existing;
        }

        var card = await WithDbAsync(db => db.SandboxCards.AsNoTracking().FirstOrDefaultAsync(c => c.Id == request.MethodId && !c.Deleted, cancellationToken))
            ?? throw new GatewayRefusedException("resource_missing", "No such card.");
        var charge = new SandboxCharge
        {
            Id = NewId("ch_sbx_"),
            CardId = card.Id,
            Reference = request.PaymentId,
            Amount = request.Amount,
            Currency = request.Currency,
            Brand = card.Brand,
            Last4 = card.Last4,
            Behaviour = card.Behaviour,
            ManualCapture = request.ManualCapture,
            ReturnUrl = request.ReturnUrl,
            IdempotencyKey = request.IdempotencyKey,
            CreatedAt = Now,
        };
        Decide(charge);
        try
        {
            await WithDbAsync(async db =>
            {
                db.SandboxCharges.Add(charge);
                Enqueue(db, charge);
                return await db.SaveChangesAsync(cancellationToken);
            });
        }
        catch (DbUpdateException ex) when (WriteConflicts.IsConflict(ex))
        {
            // The same key raced in: the other charge is the answer.
            return await WithDbAsync(db => db.SandboxCharges.AsNoTracking().FirstAsync(c => c.IdempotencyKey == request.IdempotencyKey, cancellationToken));
        }

        LogCharged(charge.Id, charge.Reference, charge.State, charge.FailureCode);
        if (options.Value.Sandbox.ResponseDelay > TimeSpan.Zero)
        {
            // A slow network: the charge is recorded (and its webhook queued) before the merchant hears of it.
            await Task.Delay(options.Value.Sandbox.ResponseDelay, time, cancellationToken);
        }

        return charge;
    }

    /// <summary>Gives money back; a repeated idempotency key answers the first refund.</summary>
    /// <exception cref="GatewayRefusedException">No such charge, it was not captured, or the amount exceeds what is left.</exception>
    public async Task<SandboxRefund> RefundAsync(string chargeId, decimal amount, string idempotencyKey, CancellationToken cancellationToken)
    {
        var existing = await WithDbAsync(db => db.SandboxRefunds.AsNoTracking().FirstOrDefaultAsync(r => r.IdempotencyKey == idempotencyKey, cancellationToken));
        if (existing is not null)
        {
            return existing;
        }

        var refund = new SandboxRefund { Id = NewId("re_sbx_"), ChargeId = chargeId, Amount = amount, IdempotencyKey = idempotencyKey, CreatedAt = Now };
        var cents = (long)(amount * 100);
        try
        {
            return await WithDbAsync(async db =>
            {
                var charge = await db.SandboxCharges.AsNoTracking().FirstOrDefaultAsync(c => c.Id == chargeId, cancellationToken)
                    ?? throw new GatewayRefusedException("resource_missing", "No such charge.");
                if (charge.State != ChargeState.Succeeded)
                {
                    throw new GatewayRefusedException("charge_not_captured", "The charge has not been captured.");
                }

                if (charge.Behaviour == CardBehaviour.RefundFails)
                {
                    refund.Succeeded = false;
                    refund.FailureReason = "expired_or_canceled_card";
                }
                else
                {
                    // Atomically: never more than the charge holds, whatever runs at the same time.
                    await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                    var rows = await db.SandboxCharges
                        .Where(c => c.Id == chargeId && c.Refunded + amount <= c.Amount)
                        .ExecuteUpdateAsync(u => u.SetProperty(c => c.Refunded, c => c.Refunded + amount), cancellationToken);
                    refund.Succeeded = rows == 1;
                    refund.FailureReason = rows == 1 ? null : "amount_too_large";
                    db.SandboxRefunds.Add(refund);
                    db.SandboxWebhooks.Add(Webhook(refund.Succeeded ? "charge.refunded" : "refund.failed", charge, null));
                    await db.SaveChangesAsync(cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                    LogRefunded(refund.Id, chargeId, cents, refund.Succeeded);
                    return refund;
                }

                db.SandboxRefunds.Add(refund);
                db.SandboxWebhooks.Add(Webhook("refund.failed", charge, null));
                await db.SaveChangesAsync(cancellationToken);
                LogRefunded(refund.Id, chargeId, cents, refund.Succeeded);
                return refund;
            });
        }
        catch (DbUpdateException ex) when (WriteConflicts.IsConflict(ex))
        {
            return await WithDbAsync(db => db.SandboxRefunds.AsNoTracking().FirstAsync(r => r.IdempotencyKey == idempotencyKey, cancellationToken));
        }
    }

    /// <summary>
    /// Takes <paramref name="amount"/> (at most what was authorised; the rest is released) of an
    /// authorised charge, once: of two captures at once one wins, and a repeat of the winner's
    /// <paramref name="captureKey"/> answers the captured charge.
    /// </summary>
    /// <exception cref="GatewayRefusedException">No such charge, it is not authorised (already captured, voided, failed), or the amount exceeds the authorisation.</exception>
    public Task<SandboxCharge> CaptureAsync(string chargeId, decimal amount, string captureKey, CancellationToken cancellationToken) => WithDbAsync(async db =>
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var rows = await db.SandboxCharges
            .Where(c => c.Id == chargeId && c.State == ChargeState.Authorized && amount <= c.Authorized)
            .ExecuteUpdateAsync(
                u => u.SetProperty(c => c.State, ChargeState.Succeeded).SetProperty(c => c.Amount, amount).SetProperty(c => c.CaptureKey, captureKey),
                cancellationToken);
        var charge = await db.SandboxCharges.AsNoTracking().FirstOrDefaultAsync(c => c.Id == chargeId, cancellationToken)
            ?? throw new GatewayRefusedException("resource_missing", "No such charge.");
        if (rows == 0)
        {
            return charge.State == ChargeState.Succeeded && charge.CaptureKey == captureKey
                ? charge
                : throw charge.State switch
                {
                    ChargeState.Authorized => new GatewayRefusedException("amount_too_large", $"At most {charge.Authorized:0.00} {charge.Currency} was authorised."),
                    ChargeState.Succeeded => new GatewayRefusedException("charge_already_captured", "The charge has already been captured."),
                    _ => new GatewayRefusedException("charge_not_authorized", $"The charge is {charge.State.ToString().ToLowerInvariant()}, not authorised."),
                };
        }

        db.SandboxWebhooks.Add(Webhook("charge.captured", charge, null));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogCharged(charge.Id, charge.Reference, charge.State, null);
        return charge;
    });

    /// <summary>Releases an authorised charge; voiding a voided charge answers it as it stands.</summary>
    /// <exception cref="GatewayRefusedException">No such charge, or it is not authorised (captured, failed).</exception>
    public Task<SandboxCharge> VoidAsync(string chargeId, CancellationToken cancellationToken) => WithDbAsync(async db =>
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var rows = await db.SandboxCharges
            .Where(c => c.Id == chargeId && c.State == ChargeState.Authorized)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.State, ChargeState.Canceled).SetProperty(c => c.FailureCode, VoidedCode), cancellationToken);
        var charge = await db.SandboxCharges.AsNoTracking().FirstOrDefaultAsync(c => c.Id == chargeId, cancellationToken)
            ?? throw new GatewayRefusedException("resource_missing", "No such charge.");
        if (rows == 0)
        {
            return charge is { State: ChargeState.Canceled, FailureCode: VoidedCode }
                ? charge
                : throw new GatewayRefusedException("charge_not_authorized", $"The charge is {charge.State.ToString().ToLowerInvariant()}, not authorised.");
        }

        db.SandboxWebhooks.Add(Webhook("charge.voided", charge, null));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogCharged(charge.Id, charge.Reference, charge.State, charge.FailureCode);
        return charge;
    });

    /// <summary>Saves a card from a token.</summary>
    /// <exception cref="GatewayRefusedException">The token is not one of the sandbox's.</exception>
    public async Task<SandboxCard> SaveCardAsync(string token, CancellationToken cancellationToken)
    {
        if (!TestCards.Tokens.TryGetValue(token, out var number))
        {
            throw new GatewayRefusedException("token_invalid", $"'{token}' is not a card token the sandbox knows ({string.Join(", ", TestCards.Tokens.Keys)}).");
        }

        var secret = await SecretAsync(cancellationToken);
        var expires = Now.AddYears(3);
        var card = new SandboxCard
        {
            Id = NewId("card_sbx_"),
            Brand = TestCards.BrandOf(number),
            Last4 = number[^4..],
            ExpiryMonth = 12,
            ExpiryYear = expires.Year,
            Fingerprint = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes(number)))[..32],
            Behaviour = TestCards.BehaviourOf(number),
            CreatedAt = Now,
        };
        await WithDbAsync(async db =>
        {
            db.SandboxCards.Add(card);
            return await db.SaveChangesAsync(cancellationToken);
        });
        return card;
    }

    /// <summary>Forgets a saved card.</summary>
    public Task DeleteCardAsync(string id, CancellationToken cancellationToken) => WithDbAsync(db =>
        db.SandboxCards.Where(c => c.Id == id).ExecuteUpdateAsync(u => u.SetProperty(c => c.Deleted, true), cancellationToken));

    /// <summary>Charges created since <paramref name="since"/>.</summary>
    public Task<List<SandboxCharge>> ListChargesAsync(DateTime since, CancellationToken cancellationToken) => WithDbAsync(db =>
        db.SandboxCharges.AsNoTracking().Where(c => c.CreatedAt >= since).OrderBy(c => c.CreatedAt).ToListAsync(cancellationToken));

    /// <summary>The webhook secret: the configured one, else the one the sandbox generated on first use.</summary>
    public async Task<string> SecretAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Sandbox.WebhookSecret is { } configured)
        {
            return configured;
        }

        return await WithDbAsync(async db =>
        {
            var account = await db.SandboxAccounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == 1, cancellationToken);
            if (account is not null)
            {
                return account.WebhookSecret;
            }

            db.SandboxAccounts.Add(new SandboxAccount { Id = 1, WebhookSecret = StandardWebhookSignature.NewSecret() });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex) when (WriteConflicts.IsConflict(ex))
            {
                // Another request generated it first: theirs stands.
                db.ChangeTracker.Clear();
            }

            return (await db.SandboxAccounts.AsNoTracking().FirstAsync(a => a.Id == 1, cancellationToken)).WebhookSecret;
        });
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private static string NewId(string prefix) => prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    private static void Decide(SandboxCharge charge)
    {
        if (charge.Behaviour is CardBehaviour.Succeeds or CardBehaviour.RefundFails)
        {
            Approve(charge);
            return;
        }

        (charge.State, charge.FailureCode) = charge.Behaviour switch
        {
            CardBehaviour.Declined => (ChargeState.Failed, "card_declined"),
            CardBehaviour.InsufficientFunds => (ChargeState.Failed, "insufficient_funds"),
            CardBehaviour.RequiresChallenge => (ChargeState.RequiresAction, null),
            _ => (ChargeState.Failed, "test_mode_live_card"),
        };
    }

    /// <summary>The card is good: the money is taken, or only held when the charge is for manual capture.</summary>
    private static void Approve(SandboxCharge charge)
    {
        charge.FailureCode = null;
        charge.State = charge.ManualCapture ? ChargeState.Authorized : ChargeState.Succeeded;
        charge.Authorized = charge.ManualCapture ? charge.Amount : 0;
    }

    private void Enqueue(PaymentsDbContext db, SandboxCharge charge)
    {
        var type = charge.State switch
        {
            ChargeState.Succeeded => "charge.succeeded",
            ChargeState.Authorized => "charge.authorized",
            ChargeState.Failed => "charge.failed",
            ChargeState.RequiresAction => "charge.requires_action",
            _ => "charge.updated",
        };
        db.SandboxWebhooks.Add(Webhook(type, charge, null));
    }

    private SandboxWebhook Webhook(string type, SandboxCharge? charge, SandboxSession? session)
    {
        var id = NewId("evt_sbx_");
        var payload = JsonSerializer.Serialize(
            new
            {
                id,
                type,
                created = time.GetUtcNow().ToUnixTimeSeconds(),
                data = new
                {
                    charge = charge?.Id,
                    session = charge?.SessionId ?? session?.Id,
                    reference = (charge?.Reference ?? session?.Reference)?.ToString(),
                    state = charge?.State.ToString().ToLowerInvariant(),
                    amount = (charge?.Amount ?? session?.Amount)?.ToString(CultureInfo.InvariantCulture),
                    currency = charge?.Currency ?? session?.Currency,
                },
            },
            Json);
        return new SandboxWebhook { Id = id, Type = type, Payload = payload, DueAt = Now + options.Value.Sandbox.WebhookDelay };
    }

    private async Task<T> WithDbAsync<T>(Func<PaymentsDbContext, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<PaymentsDbContext>());
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox charge {ChargeId} for payment {Reference}: {State} {FailureCode}")]
    private partial void LogCharged(string chargeId, Guid reference, ChargeState state, string? failureCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox refund {RefundId} of charge {ChargeId}, {Cents} cents: succeeded {Succeeded}")]
    private partial void LogRefunded(string refundId, string chargeId, long cents, bool succeeded);
}
