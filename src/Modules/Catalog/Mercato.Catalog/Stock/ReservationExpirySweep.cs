using Mercato.Platform.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mercato.Catalog.Stock;

/// <summary>
/// Releases held reservations whose hold has run out, every <see cref="StockOptions.SweepInterval"/>
/// on the injected clock (ledger kind Release, reason "expired").
/// </summary>
internal sealed partial class ReservationExpirySweep(
    IServiceScopeFactory scopes, TimeProvider time, IOptions<StockOptions> options, ILogger<ReservationExpirySweep> logger) : PeriodicJob(time, logger)
{
    /// <inheritdoc />
    protected override TimeSpan Interval => options.Value.SweepInterval;

    /// <inheritdoc />
    protected override string Name => "Releasing expired stock reservations";

    /// <inheritdoc />
    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var released = await scope.ServiceProvider.GetRequiredService<StockService>().ReleaseExpiredAsync(cancellationToken);
        if (released > 0)
        {
            LogReleased(logger, released);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Released the expired stock reservations of {Orders} orders")]
    private static partial void LogReleased(ILogger logger, int orders);
}
