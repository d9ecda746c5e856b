using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mercato.Platform.Idempotency;

/// <summary>Deletes <typeparamref name="TContext"/>'s expired idempotency records every sweep interval.</summary>
/// <typeparam name="TContext">The owning module's DbContext.</typeparam>
internal sealed partial class IdempotencySweeper<TContext>(
    IdempotencyStore<TContext> store,
    IOptions<IdempotencyOptions> options,
    TimeProvider time,
    ILogger<IdempotencySweeper<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var deleted = await store.SweepAsync(stoppingToken);
                if (deleted > 0)
                {
                    LogSwept(logger, deleted, typeof(TContext).Name);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The sweep must survive a database outage and try again next time.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogSweepFailed(logger, ex, typeof(TContext).Name);
            }

            try
            {
                await Task.Delay(options.Value.SweepInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(EventId = 1510, Level = LogLevel.Information, Message = "Deleted {Count} expired idempotency record(s) of {Context}")]
    private static partial void LogSwept(ILogger logger, int count, string context);

    [LoggerMessage(EventId = 1511, Level = LogLevel.Error, Message = "Sweeping expired idempotency records of {Context} failed; retrying next interval")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception, string context);
}
