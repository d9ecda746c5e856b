using Mercato.Logs.Contracts;
using Mercato.Platform.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mercato.Logs.Client;

/// <summary>
/// Drains the <see cref="LogBuffer"/> in batches (<see cref="LogShippingOptions.BatchSize"/>, or
/// what arrived within <see cref="LogShippingOptions.FlushInterval"/>) to the <see cref="ILogSink"/>.
/// A batch that fails <see cref="LogShippingOptions.Attempts"/> times is dropped and counted, so
/// memory stays bounded by the buffer's capacity plus one batch when the Logs service is down.
/// Its own work is never shipped (<see cref="LogShippingScope"/>).
/// </summary>
internal sealed partial class LogShipper(
    LogBuffer buffer,
    IServiceScopeFactory scopes,
    IOptions<LogShippingOptions> options,
    ILogger<LogShipper> logger) : BackgroundService
{
    private static readonly TimeSpan FinalFlushTimeout = TimeSpan.FromSeconds(5);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var quiet = LogShippingScope.Suppress();
        var settings = options.Value;
        var reader = buffer.Reader;
        var batch = new List<ShippedLog>(settings.BatchSize);
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                // Pacing in real time (not the application's clock, which a test may freeze).
                using (var flush = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken))
                {
                    flush.CancelAfter(settings.FlushInterval);
                    try
                    {
                        while (batch.Count < settings.BatchSize)
                        {
                            if (reader.TryRead(out var record))
                            {
                                batch.Add(record);
                            }
                            else if (!await reader.WaitToReadAsync(flush.Token))
                            {
                                break;
                            }
                        }
                    }
                    catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                    {
                        // The flush interval passed: send what arrived.
                    }
                }

                await SendAsync(batch, settings, stoppingToken);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping: one last try for what waits, bounded in time and sent once (the
            // Logs service may be stopping too: retrying it would only hold this host's shutdown up).
            using var final = new CancellationTokenSource(FinalFlushTimeout);
            using var once = ServiceCallResilience.WithoutRetries();
            while (reader.TryRead(out var record))
            {
                batch.Add(record);
                if (batch.Count == settings.BatchSize)
                {
                    await SendOnceAsync(batch, final.Token);
                    batch.Clear();
                }
            }

            await SendOnceAsync(batch, final.Token);
        }
    }

    private async Task SendAsync(List<ShippedLog> batch, LogShippingOptions settings, CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await WriteAsync(batch, stoppingToken);
                buffer.CountShipped(batch.Count);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                if (attempt >= settings.Attempts)
                {
                    buffer.CountDropped(batch.Count, "undeliverable");
                    LogDropped(logger, batch.Count, attempt, ex.Message);
                    return;
                }

                await Task.Delay(settings.RetryDelay, stoppingToken);
            }
        }
    }

    private async Task SendOnceAsync(List<ShippedLog> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            await WriteAsync(batch, cancellationToken);
            buffer.CountShipped(batch.Count);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The sink is gone with the host, or unreachable: the records are lost, and counted.
            buffer.CountDropped(batch.Count, "undeliverable");
        }
    }

    private async Task WriteAsync(List<ShippedLog> batch, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ILogSink>().WriteAsync(batch.ToArray(), cancellationToken);
    }

    [LoggerMessage(EventId = 9001, Level = LogLevel.Warning, Message = "Dropped {Count} log records after {Attempts} failed deliveries to the Logs module: {Reason}")]
    private static partial void LogDropped(ILogger logger, int count, int attempts, string reason);
}
