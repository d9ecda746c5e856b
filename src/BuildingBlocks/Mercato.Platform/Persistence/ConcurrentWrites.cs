using System.Runtime.ExceptionServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Mercato.Platform.Persistence;

/// <summary>
/// The one retry policy for writes that race: runs an attempt again when it lost to a concurrent
/// write (see <see cref="WriteConflicts"/>: a changed concurrency token or a unique key taken
/// meanwhile). Each attempt starts from a cleared change tracker, so it reloads and re-decides from
/// the fresh state; nothing else is retried. Between attempts it waits a short random, growing
/// pause (cancelled with the request), logs the lost race at Debug, and gives up after a bound.
/// </summary>
/// <param name="logger">Where lost races are logged (Debug: they are expected and handled).</param>
public sealed partial class ConcurrentWrites(ILogger<ConcurrentWrites> logger)
{
    /// <summary>How many attempts a write gets unless the caller says otherwise.</summary>
    public const int DefaultAttempts = 40;

    private const int MaxPauseMilliseconds = 200;

    /// <summary>
    /// Runs <paramref name="attempt"/> until it finishes without a lost race, at most
    /// <paramref name="maxAttempts"/> times; then answers <paramref name="exhausted"/> with the last conflict.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<TResult> RetryAsync<TResult>(
        DbContext db,
        Func<Task<TResult>> attempt,
        Func<DbUpdateException, TResult> exhausted,
        CancellationToken cancellationToken,
        int maxAttempts = DefaultAttempts)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(exhausted);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        var context = db.GetType().Name;
        for (var round = 1; ; round++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                return await attempt();
            }
            catch (DbUpdateException ex) when (WriteConflicts.IsConflict(ex))
            {
                db.ChangeTracker.Clear();
                var conflict = ex is DbUpdateConcurrencyException ? nameof(DbUpdateConcurrencyException) : "unique key";
                if (round >= maxAttempts)
                {
                    LogGaveUp(context, round, conflict);
                    return exhausted(ex);
                }

                LogLostRace(context, round, maxAttempts, conflict);
                await Task.Delay(Random.Shared.Next(1, Math.Min(10 * round, MaxPauseMilliseconds) + 1), cancellationToken);
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="attempt"/> as <see cref="RetryAsync{TResult}(DbContext, Func{Task{TResult}}, Func{DbUpdateException, TResult}, CancellationToken, int)"/>
    /// does; after the last attempt the conflict is thrown.
    /// </summary>
    /// <exception cref="DbUpdateException">Every attempt lost a race.</exception>
    public Task<TResult> RetryAsync<TResult>(
        DbContext db, Func<Task<TResult>> attempt, CancellationToken cancellationToken, int maxAttempts = DefaultAttempts)
        => RetryAsync(db, attempt, Rethrow<TResult>, cancellationToken, maxAttempts);

    private static TResult Rethrow<TResult>(DbUpdateException conflict)
    {
        ExceptionDispatchInfo.Throw(conflict);
        return default!;
    }

    [LoggerMessage(EventId = 1210, Level = LogLevel.Debug, Message = "A write to {Context} lost a race ({Conflict}) on attempt {Attempt} of {MaxAttempts}; trying again")]
    private partial void LogLostRace(string context, int attempt, int maxAttempts, string conflict);

    [LoggerMessage(EventId = 1211, Level = LogLevel.Information, Message = "A write to {Context} lost a race ({Conflict}) {Attempts} times in a row; giving up")]
    private partial void LogGaveUp(string context, int attempts, string conflict);
}
