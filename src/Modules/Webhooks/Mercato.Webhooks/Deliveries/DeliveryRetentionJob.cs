using Mercato.Platform.Hosting;
using Mercato.Webhooks.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mercato.Webhooks.Deliveries;

/// <summary>
/// Deletes the delivery log older than <see cref="WebhooksOptions.LogRetention"/> (90 days by
/// default): finished deliveries queued before then with their attempts, and older attempts of
/// any delivery still pending.
/// </summary>
internal sealed partial class DeliveryRetentionJob(
    IServiceScopeFactory scopes, IOptions<WebhooksOptions> options, TimeProvider time, ILogger<DeliveryRetentionJob> logger)
    : PeriodicJob(time, logger)
{
    /// <inheritdoc />
    protected override TimeSpan Interval => options.Value.RetentionInterval;

    /// <inheritdoc />
    protected override string Name => "Webhook log retention";

    /// <inheritdoc />
    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var cutoff = Time.GetUtcNow().UtcDateTime - options.Value.LogRetention;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WebhooksDbContext>();
        var attempts = await db.Attempts.Where(a => a.StartedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        var deliveries = await db.Deliveries
            .Where(d => d.CreatedAt < cutoff && (d.Status == DeliveryStatus.Succeeded || d.Status == DeliveryStatus.Failed))
            .Where(d => d.LastAttemptAt == null || d.LastAttemptAt < cutoff)
            .ExecuteDeleteAsync(cancellationToken);
        if (attempts + deliveries > 0)
        {
            LogDeleted(deliveries, attempts, cutoff);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Deliveries} webhook deliveries and {Attempts} attempts from before {Cutoff:o}")]
    private partial void LogDeleted(int deliveries, int attempts, DateTime cutoff);
}
