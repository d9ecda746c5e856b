using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mercato.Catalog.Stock;

/// <summary>
/// Releases held reservations whose hold has run out, every <see cref="StockOptions.SweepInterval"/>
/// on the injected clock (ledger kind Release, reason "expired").
/// </summary>
public sealed partial class ReservationExpirySweep(
    IServiceScopeFactory scopes, TimeProvider time, IOptions<StockOptions> options, ILogger<ReservationExpirySweep> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var released = await scope.ServiceProvider.GetRequiredService<StockService>().ReleaseExpiredAsync(stoppingToken);
                if (released > 0)
                {
                    LogReleased(logger, released);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Released the expired stock reservations of {Orders} orders")]
    private static partial void LogReleased(ILogger logger, int orders);

    [LoggerMessage(Level = LogLevel.Error, Message = "Releasing expired stock reservations failed; retrying at the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
