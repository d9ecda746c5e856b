using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mercato.Identity.Keys;

/// <summary>
/// Every <see cref="SigningKeyOptions.CheckInterval"/>: re-reads generated keys (another replica
/// may have rotated them) and rotates when the current key is due.
/// </summary>
public sealed partial class SigningKeyMaintenance(
    KeyRing keys, IOptions<IdentitySettings> settings, TimeProvider time, ILogger<SigningKeyMaintenance> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (keys.FromConfiguration)
        {
            return;
        }

        using var timer = new PeriodicTimer(settings.Value.SigningKeys.CheckInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await keys.RefreshAsync(stoppingToken);
                    await keys.RotateIfDueAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Signing key maintenance failed; retrying at the next check")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
