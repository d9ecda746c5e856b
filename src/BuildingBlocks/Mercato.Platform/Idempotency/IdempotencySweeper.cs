using Mercato.Platform.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mercato.Platform.Idempotency;

/// <summary>Deletes <typeparamref name="TContext"/>'s expired idempotency records every sweep interval.</summary>
/// <typeparam name="TContext">The owning module's DbContext.</typeparam>
internal sealed partial class IdempotencySweeper<TContext>(
    IdempotencyStore<TContext> store,
    IOptions<IdempotencyOptions> options,
    TimeProvider time,
    ILogger<IdempotencySweeper<TContext>> logger) : PeriodicJob(time, logger)
    where TContext : DbContext
{
    protected override TimeSpan Interval => options.Value.SweepInterval;

    protected override string Name => $"Idempotency sweep of {typeof(TContext).Name}";

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var deleted = await store.SweepAsync(cancellationToken);
        if (deleted > 0)
        {
            LogSwept(logger, deleted, typeof(TContext).Name);
        }
    }

    [LoggerMessage(EventId = 1510, Level = LogLevel.Information, Message = "Deleted {Count} expired idempotency record(s) of {Context}")]
    private static partial void LogSwept(ILogger logger, int count, string context);
}
