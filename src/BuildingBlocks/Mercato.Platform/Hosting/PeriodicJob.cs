using System.Diagnostics;
using System.Threading.Channels;
using Mercato.Platform.Correlation;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mercato.Platform.Hosting;

/// <summary>
/// A background job that runs every <see cref="Interval"/> on the injected clock (so tests move it
/// with a fake clock), and at once when asked (<see cref="RunSoon"/>). A failed round is logged and
/// the job tries again at the next tick; it stops quietly when the host stops.
/// </summary>
/// <param name="time">The clock the interval is measured on.</param>
/// <param name="logger">Where failed rounds are logged.</param>
public abstract partial class PeriodicJob(TimeProvider time, ILogger logger) : BackgroundService
{
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    /// <summary>The clock the job runs on.</summary>
    protected TimeProvider Time { get; } = time;

    private long _rounds;

    /// <summary>Rounds run since start, failed ones included (a job that wakes itself shows here).</summary>
    public long Rounds => Interlocked.Read(ref _rounds);

    /// <summary>How long between two rounds.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>What the job is called in logs.</summary>
    protected abstract string Name { get; }

    /// <summary>Whether the job runs at all in this host (checked once, at start).</summary>
    protected virtual bool Enabled => true;

    /// <summary>Whether the first round runs as soon as the host started instead of one <see cref="Interval"/> later.</summary>
    protected virtual bool RunsAtStart => false;

    /// <summary>
    /// The least time between the start of one round and the start of a round asked for by
    /// <see cref="RunSoon"/> (zero: none). A job asked for a round on every write of a busy shop
    /// would otherwise run back to back; with a gap, the requests of a burst share one round.
    /// Measured in real time, not on the job's clock: it paces the work, it schedules nothing.
    /// </summary>
    protected virtual TimeSpan MinimumGap => TimeSpan.Zero;

    /// <summary>One round of work.</summary>
    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Asks for a round now instead of at the next tick. Requests coalesce: however many arrive
    /// while a round runs, one more round follows it. Never blocks.
    /// </summary>
    protected void RunSoon() => _wake.Writer.TryWrite(true);

    /// <inheritdoc />
    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }

        // The host's start goes on while the job runs: nothing of a round runs on the starting thread.
        await Task.Yield();
        Task? tick = null;
        var due = Time.GetUtcNow() + Interval;
        Task<bool>? wake = null;
        var now = RunsAtStart;
        var lastStart = long.MinValue;
        try
        {
            while (true)
            {
                if (!now)
                {
                    // Ticks fall due every interval on the job's clock, waited for with one-shot
                    // delays rather than a periodic timer: moving a test clock by 3 days fired a
                    // 250 ms periodic timer a million times, on the clock's own thread, and ran a
                    // round for each. A tick that fell due during a round still gets its round;
                    // any number of missed ticks make one. A round never runs on the thread that
                    // completed the wait.
                    tick ??= Task.Delay(Max(TimeSpan.Zero, due - Time.GetUtcNow()), Time, stoppingToken);
                    wake ??= _wake.Reader.WaitToReadAsync(stoppingToken).AsTask();
                    var first = await Task.WhenAny(tick, wake).ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
                    if (first == tick)
                    {
                        await tick;
                        tick = null;
                        var clock = Time.GetUtcNow();
                        due = due + Interval < clock ? clock : due + Interval;
                    }
                    else
                    {
                        await wake;
                        wake = null;
                        if (lastStart != long.MinValue && MinimumGap - Stopwatch.GetElapsedTime(lastStart) is { Ticks: > 0 } wait)
                        {
                            await Task.Delay(wait, stoppingToken);
                        }
                    }
                }

                now = false;
                lastStart = Stopwatch.GetTimestamp();
                _wake.Reader.TryRead(out _);
                // Each round is one unit of work with a correlation id of its own: its logs, audit
                // entries and the events it publishes are found together, like a request's.
                using var correlation = CorrelationContext.Begin(CorrelationContext.NewId());
                try
                {
                    await RunOnceAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogFailed(logger, ex, Name);
                }
                finally
                {
                    Interlocked.Increment(ref _rounds);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    [LoggerMessage(EventId = 1100, Level = LogLevel.Error, Message = "{Job} failed; retrying at the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception, string job);
}
