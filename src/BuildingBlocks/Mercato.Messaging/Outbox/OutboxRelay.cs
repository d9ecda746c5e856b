using System.Diagnostics;
using Mercato.Messaging.Events;
using Mercato.Messaging.InProcess;
using Mercato.Messaging.Transport;
using Mercato.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mercato.Messaging.Outbox;

/// <summary>
/// Publishes one module's outbox rows through the transport, in order of writing. A failure
/// is retried with exponential backoff; after <see cref="RelayOptions.MaxAttempts"/> the row is
/// parked: kept, counted and logged, never dropped. Rows survive any crash because they were
/// committed with the state change; a row is marked published only after the transport
/// confirmed it, so delivery is at least once and consumers' inboxes make it exactly once.
/// While the transport is unavailable (<see cref="TransportUnavailableException"/>: the broker
/// is down) rows are left untouched and no attempt is counted, so an outage of any length
/// parks nothing; the relay tries again every poll interval. Replicas of a service on one
/// PostgreSQL database take turns (<see cref="OutboxClaim"/>), so each row is published once.
/// </summary>
/// <typeparam name="TContext">The producing module's DbContext.</typeparam>
public sealed partial class OutboxRelay<TContext>(
    IServiceScopeFactory scopes,
    IMessageTransport transport,
    OutboxSignal<TContext> signal,
    ConsumerQueueSignal deliveries,
    IOptions<MessagingOptions> options,
    TimeProvider time,
    ILogger<OutboxRelay<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    private DateTime _lastCleanup = DateTime.MinValue;
    private bool _transportUnavailable;
    private bool _databaseUnavailable;
    private long _rounds;

    /// <summary>
    /// Rounds run since start, each one query for due rows: it grows with the module's commits
    /// (each wakes the relay) and once per poll interval while idle, never faster.
    /// </summary>
    public long Rounds => Interlocked.Read(ref _rounds);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value.Relay;
        while (!stoppingToken.IsCancellationRequested)
        {
            int handled;
            try
            {
                handled = await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (TransientDatabaseErrors.Find(ex) is { } database)
            {
                // The database is down for a moment (a restart, too many clients): said once, not
                // at every poll, like the transport's outage; the rows wait in the database.
                if (!_databaseUnavailable)
                {
                    _databaseUnavailable = true;
                    LogDatabaseUnavailable(logger, ex, typeof(TContext).Name, database.SqlState);
                }

                handled = 0;
            }
#pragma warning disable CA1031 // The relay must survive any failure (database down, etc.) and try again.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogRoundFailed(logger, ex, typeof(TContext).Name);
                handled = 0;
            }

            if (handled < settings.BatchSize)
            {
                try
                {
                    await signal.WaitAsync(settings.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Publishes one batch of due rows; returns how many it tried.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value.Relay;
        Interlocked.Increment(ref _rounds);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        // On PostgreSQL the replicas of a service take turns (see OutboxClaim).
        await using var claim = await OutboxClaim.TakeAsync(db, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        // A row never tried is always due, whatever the clock says: its NextAttemptAt is the
        // event's own time, which a lagging (or test) clock must not hold back.
        var due = await db.Set<OutboxMessage>()
            .Where(m => m.ProcessedAt == null && m.ParkedAt == null && (m.Attempts == 0 || m.NextAttemptAt <= now))
            .OrderBy(m => m.OccurredAt).ThenBy(m => m.Id)
            .Take(settings.BatchSize)
            .ToListAsync(cancellationToken);
        if (_databaseUnavailable)
        {
            _databaseUnavailable = false;
            LogDatabaseBack(logger, typeof(TContext).Name);
        }

        // The batch's outcomes are committed together: one write per round instead of one per
        // event. A crash before that commit republishes the batch, which the consumers' inboxes
        // absorb (delivery is at least once by design).
        foreach (var message in due)
        {
            if (!await PublishAsync(db, message, settings, cancellationToken))
            {
                // Nothing can be published until the transport is back; keep what was published
                // and wait for the next round.
                await CommitAsync(db, claim, cancellationToken);
                return 0;
            }
        }

        await CommitAsync(db, claim, cancellationToken);

        await CleanupAsync(db, settings, cancellationToken);
        return due.Count;
    }

    /// <summary>Commits a round's outcomes (and the embedded consumers' copies), then wakes the consumer queues.</summary>
    private async Task CommitAsync(TContext db, OutboxClaim claim, CancellationToken cancellationToken)
    {
        var saved = await db.SaveChangesAsync(cancellationToken);
        await claim.CommitAsync(cancellationToken);
        if (saved > 0)
        {
            deliveries.Notify();
        }
    }

    /// <summary>Publishes one row and records the outcome on it; false when the transport is unavailable.</summary>
    private async Task<bool> PublishAsync(TContext db, OutboxMessage message, RelayOptions settings, CancellationToken cancellationToken)
    {
        var envelope = new MessageEnvelope(
            message.Id, message.Type, message.Payload, new DateTimeOffset(message.OccurredAt, TimeSpan.Zero),
            message.Source, message.CorrelationId, message.TraceParent, message.TraceState);
        ActivityContext.TryParse(message.TraceParent, message.TraceState, out var parent);
        using var activity = MessagingMetrics.ActivitySource.StartActivity($"publish {message.Type}", ActivityKind.Producer, parent);
        try
        {
            await transport.PublishAsync(envelope, db, cancellationToken);
            message.ProcessedAt = time.GetUtcNow().UtcDateTime;
            message.LastError = null;
            MessagingMetrics.Published.Add(1);
            if (_transportUnavailable)
            {
                _transportUnavailable = false;
                LogTransportBack(logger, typeof(TContext).Name);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (TransportUnavailableException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            if (!_transportUnavailable)
            {
                _transportUnavailable = true;
                LogTransportUnavailable(logger, ex, typeof(TContext).Name);
            }

            return false;
        }
#pragma warning disable CA1031 // Any transport failure is recorded on the row and retried later.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            message.Attempts++;
            message.LastError = Shorten($"{ex.GetType().Name}: {ex.Message}");
            MessagingMetrics.PublishFailures.Add(1);
            var now = time.GetUtcNow().UtcDateTime;
            if (message.Attempts >= settings.MaxAttempts)
            {
                message.ParkedAt = now;
                MessagingMetrics.Parked.Add(1);
                LogParked(logger, message.Type, message.Id, message.Attempts, message.LastError);
            }
            else
            {
                message.NextAttemptAt = now + settings.DelayAfter(message.Attempts);
                LogRetry(logger, message.Type, message.Id, message.Attempts, message.NextAttemptAt, message.LastError);
            }
        }

        return true;
    }

    private async Task CleanupAsync(TContext db, RelayOptions settings, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (now - _lastCleanup < TimeSpan.FromHours(1))
        {
            return;
        }

        _lastCleanup = now;
        var cutoff = now - settings.Retention;
        await db.Set<OutboxMessage>()
            .Where(m => m.ProcessedAt != null && m.ProcessedAt < cutoff)
            .ExecuteDeleteAsync(cancellationToken);
    }

    private static string Shorten(string text) => text.Length <= 2000 ? text : text[..2000];

    [LoggerMessage(EventId = 2000, Level = LogLevel.Warning, Message = "Publishing {Type} {Id} failed (attempt {Attempts}); next try at {NextAttemptAt:o}: {Error}")]
    private static partial void LogRetry(ILogger logger, string type, Guid id, int attempts, DateTime nextAttemptAt, string error);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Error, Message = "Parked {Type} {Id} after {Attempts} failed attempts: {Error}")]
    private static partial void LogParked(ILogger logger, string type, Guid id, int attempts, string error);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Transport unavailable; outbox rows of {Context} wait until it is back")]
    private static partial void LogTransportUnavailable(ILogger logger, Exception exception, string context);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Information, Message = "Transport available again; outbox relay of {Context} resumed")]
    private static partial void LogTransportBack(ILogger logger, string context);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "Database of {Context} unavailable (SQLSTATE {SqlState}); its outbox rows wait, the relay tries again every poll interval")]
    private static partial void LogDatabaseUnavailable(ILogger logger, Exception exception, string context, string? sqlState);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Information, Message = "Database of {Context} available again; outbox relay resumed")]
    private static partial void LogDatabaseBack(ILogger logger, string context);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "Outbox relay round for {Context} failed; retrying")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception, string context);
}
