using System.Collections.Concurrent;
using Mercato.Messaging.Events;
using Mercato.Messaging.Inbox;
using Mercato.Messaging.Transport;
using Mercato.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mercato.Messaging.InProcess;

/// <summary>
/// Drains the embedded consumer queues stored in one producer's database. Each consuming module
/// has its own lane: a task that hands the due copies of its handlers, in the order the events
/// were published, one at a time, to their handler through the <see cref="InboxDispatcher"/>
/// (applied once per event id; correlation id and trace context restored). Lanes run side by
/// side, so a module that is slow or failing holds up only itself, and a module still sees the
/// producer's events in order (as from its RabbitMQ queue).
/// <list type="bullet">
/// <item>A copy is removed only after its handler committed (at least once; the inbox makes it once).</item>
/// <item>A failed copy is retried with the relay's exponential backoff
/// (<see cref="RelayOptions.BaseDelay"/> to <see cref="RelayOptions.MaxDelay"/>); while it waits,
/// the consumer's later copies go ahead. After <see cref="RelayOptions.MaxAttempts"/> failures it
/// is parked: kept, counted and reported on <c>/health/ready</c>.</item>
/// <item>A copy never tried is due at once, whatever the clock says (as in the outbox relay).</item>
/// <item>The worker wakes when the relay committed copies, and polls every
/// <see cref="RelayOptions.PollInterval"/> as a safety net (and for retries that fall due).</item>
/// <item>On shutdown, handlers in flight are cancelled; their transactions roll back and their
/// copies stay queued for the next start.</item>
/// </list>
/// </summary>
/// <typeparam name="TContext">The producing module's DbContext, which holds the queue.</typeparam>
public sealed partial class ConsumerQueueWorker<TContext>(
    IServiceScopeFactory scopes,
    EventSubscriptions subscriptions,
    InboxDispatcher dispatcher,
    ConsumerQueueSignal signal,
    IOptions<MessagingOptions> options,
    TimeProvider time,
    ILogger<ConsumerQueueWorker<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    private readonly ConcurrentDictionary<string, Task> _lanes = new(StringComparer.Ordinal);
    private readonly ConsumerQueueSignal _laneEnded = new();
    private int _databaseUnavailable;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var consumers = subscriptions.All.ToDictionary(s => s.Consumer, StringComparer.Ordinal);
        var modules = subscriptions.ByModule().ToDictionary(g => g.Key, g => g.Select(s => s.Consumer).ToList(), StringComparer.Ordinal);
        if (consumers.Count == 0)
        {
            return;
        }

        var pollInterval = options.Value.Relay.PollInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            var wake = Task.WhenAny(signal.Next, _laneEnded.Next);
            try
            {
                await StartDueLanesAsync(consumers, modules, stoppingToken);

                // Until a signal or the poll interval (retries fall due without a signal), whichever
                // comes first; the delay is cancelled when the signal wins. Not WaitAsync(timeout):
                // it throws a TimeoutException at every idle poll of every module.
                using var poll = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                await Task.WhenAny(wake, Task.Delay(pollInterval, poll.Token));
                await poll.CancelAsync();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (TransientDatabaseErrors.Find(ex) is { } database)
            {
                DatabaseUnavailable(ex, database.SqlState);
                await Task.Delay(pollInterval, CancellationToken.None);
            }
#pragma warning disable CA1031 // The worker must survive any failure (database down, etc.) and try again.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogRoundFailed(logger, ex, typeof(TContext).Name);
                await Task.Delay(pollInterval, CancellationToken.None);
            }
        }

        await Task.WhenAll(_lanes.Values);
    }

    private async Task StartDueLanesAsync(
        Dictionary<string, EventSubscription> consumers, Dictionary<string, List<string>> modules, CancellationToken stoppingToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var known = consumers.Keys.ToList();
        await using var scope = scopes.CreateAsyncScope();
        var due = await scope.ServiceProvider.GetRequiredService<TContext>().Set<ConsumerQueueMessage>()
            .Where(m => m.ParkedAt == null && (m.Attempts == 0 || m.NextAttemptAt <= now) && known.Contains(m.Consumer))
            .Select(m => m.Consumer).Distinct()
            .ToListAsync(stoppingToken);
        if (Interlocked.Exchange(ref _databaseUnavailable, 0) == 1)
        {
            LogDatabaseBack(logger, typeof(TContext).Name);
        }

        foreach (var module in due.Select(c => consumers[c].Module).Distinct(StringComparer.Ordinal))
        {
            if (_lanes.ContainsKey(module))
            {
                continue;
            }

            var started = new TaskCompletionSource();
            var lane = Task.Run(async () => { await started.Task; await RunLaneAsync(module, modules[module], consumers, stoppingToken); }, CancellationToken.None);
            _lanes[module] = lane;
            started.SetResult();
        }
    }

    /// <summary>Delivers the module's due copies one at a time until none is left.</summary>
    private async Task RunLaneAsync(
        string module, List<string> moduleConsumers, Dictionary<string, EventSubscription> consumers, CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested && await DeliverNextAsync(moduleConsumers, consumers, stoppingToken))
            {
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the copy in flight stays queued.
        }
        catch (Exception ex) when (TransientDatabaseErrors.Find(ex) is { } database)
        {
            DatabaseUnavailable(ex, database.SqlState);
        }
#pragma warning disable CA1031 // A lane that cannot reach its database ends; the worker starts it again.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogRoundFailed(logger, ex, typeof(TContext).Name);
        }
        finally
        {
            _lanes.TryRemove(module, out _);
            _laneEnded.Notify();
        }
    }

    /// <summary>
    /// The database is down for a moment (the rounds and the lanes both notice): said once, not at
    /// every poll or lane, as the relay does; a round that reads the queue again says it is back.
    /// </summary>
    private void DatabaseUnavailable(Exception exception, string? sqlState)
    {
        if (Interlocked.Exchange(ref _databaseUnavailable, 1) == 0)
        {
            LogDatabaseUnavailable(logger, exception, typeof(TContext).Name, sqlState);
        }
    }

    /// <summary>Delivers the module's first due copy (in publishing order); false when it has none.</summary>
    private async Task<bool> DeliverNextAsync(List<string> moduleConsumers, Dictionary<string, EventSubscription> consumers, CancellationToken stoppingToken)
    {
        var settings = options.Value.Relay;
        await using var scope = scopes.CreateAsyncScope();
        var queue = scope.ServiceProvider.GetRequiredService<TContext>().Set<ConsumerQueueMessage>();
        var now = time.GetUtcNow().UtcDateTime;
        var copy = await queue.AsNoTracking()
            .Where(m => moduleConsumers.Contains(m.Consumer) && m.ParkedAt == null && (m.Attempts == 0 || m.NextAttemptAt <= now))
            .OrderBy(m => m.OccurredAt).ThenBy(m => m.MessageId).ThenBy(m => m.Consumer)
            .FirstOrDefaultAsync(stoppingToken);
        if (copy is null)
        {
            return false;
        }

        var subscription = consumers[copy.Consumer];
        var envelope = new MessageEnvelope(
            copy.MessageId, copy.Type, copy.Payload, new DateTimeOffset(copy.OccurredAt, TimeSpan.Zero),
            copy.Source, copy.CorrelationId, copy.TraceParent, copy.TraceState);
        Exception failure;
        try
        {
            await dispatcher.DispatchAsync(subscription, envelope, stoppingToken);
            await queue.Where(m => m.Id == copy.Id).ExecuteDeleteAsync(CancellationToken.None);
            return true;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Any handler failure is recorded on the copy and retried later.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            failure = ex;
        }

        MessagingMetrics.HandlerFailures.Add(1);
        var attempts = copy.Attempts + 1;
        var error = Shorten($"{failure.GetType().Name}: {failure.Message}");
        var failedAt = time.GetUtcNow().UtcDateTime;
        DateTime? parkedAt = attempts >= settings.MaxAttempts ? failedAt : null;
        var nextAttemptAt = failedAt + settings.DelayAfter(attempts);
        await queue.Where(m => m.Id == copy.Id).ExecuteUpdateAsync(
            s => s.SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.LastError, error)
                .SetProperty(m => m.NextAttemptAt, nextAttemptAt)
                .SetProperty(m => m.ParkedAt, parkedAt),
            CancellationToken.None);
        if (parkedAt is not null)
        {
            MessagingMetrics.ConsumerQueueParked.Add(1);
            LogParked(logger, failure, copy.Type, copy.MessageId, subscription.Consumer, attempts);
        }
        else
        {
            LogRetry(logger, failure, copy.Type, copy.MessageId, subscription.Consumer, attempts, nextAttemptAt);
        }

        return true;
    }

    private static string Shorten(string text) => text.Length <= 2000 ? text : text[..2000];

    [LoggerMessage(EventId = 2300, Level = LogLevel.Warning, Message = "Handling {Type} {Id} in {Consumer} failed (attempt {Attempts}); next try at {NextAttemptAt:o}")]
    private static partial void LogRetry(ILogger logger, Exception exception, string type, Guid id, string consumer, int attempts, DateTime nextAttemptAt);

    [LoggerMessage(EventId = 2301, Level = LogLevel.Error, Message = "Parked {Type} {Id} for {Consumer} after {Attempts} failed attempts")]
    private static partial void LogParked(ILogger logger, Exception exception, string type, Guid id, string consumer, int attempts);

    [LoggerMessage(EventId = 2303, Level = LogLevel.Warning, Message = "Database of {Context} unavailable (SQLSTATE {SqlState}); its consumer queues wait, tried again every poll interval")]
    private static partial void LogDatabaseUnavailable(ILogger logger, Exception exception, string context, string? sqlState);

    [LoggerMessage(EventId = 2304, Level = LogLevel.Information, Message = "Database of {Context} available again; consumer queues resumed")]
    private static partial void LogDatabaseBack(ILogger logger, string context);

    [LoggerMessage(EventId = 2302, Level = LogLevel.Error, Message = "Consumer queue round in {Context} failed; retrying")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception, string context);
}
