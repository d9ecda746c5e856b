using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mercato.Platform.Hosting;

/// <summary>
/// A background job that runs every <see cref="Interval"/> on the injected clock (so tests move it
/// with a fake clock). A failed round is logged and the job tries again at the next tick; it stops
/// quietly when the host stops.
/// </summary>
/// <param name="time">The clock the interval is measured on.</param>
/// <param name="logger">Where failed rounds are logged.</param>
public abstract partial class PeriodicJob(TimeProvider time, ILogger logger) : BackgroundService
{
    /// <summary>The clock the job runs on.</summary>
    protected TimeProvider Time { get; } = time;

    /// <summary>How long between two rounds.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>What the job is called in logs.</summary>
    protected abstract string Name { get; }

    /// <summary>Whether the job runs at all in this host (checked once, at start).</summary>
    protected virtual bool Enabled => true;

    /// <summary>One round of work.</summary>
    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    /// <inheritdoc />
    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval, Time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await RunOnceAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogFailed(logger, ex, Name);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    [LoggerMessage(EventId = 1100, Level = LogLevel.Error, Message = "{Job} failed; retrying at the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception, string job);
}
