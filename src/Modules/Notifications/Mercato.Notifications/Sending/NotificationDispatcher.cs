using Mercato.Notifications.Data;
using Mercato.Notifications.Messages;
using Mercato.Platform.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mercato.Notifications.Sending;

/// <summary>
/// Sends queued messages. Each is claimed by a conditional update (queued → sending, with a
/// lease), so replicas never send one message twice at once; then handed to its channel outside
/// any transaction. Accepted → <c>sent</c> with the provider's id; refused → queued again after
/// a doubling delay, and <c>failed</c> after the last attempt (at once when the provider refused
/// the message itself, e.g. an invalid number: trying again cannot help). A message whose attempt was cut
/// short (the process died) is queued again when its lease runs out.
/// </summary>
internal sealed partial class NotificationDispatcher(
    IServiceScopeFactory scopes, IOptions<NotificationsOptions> options, TimeProvider time, ILogger<NotificationDispatcher> logger)
    : PeriodicJob(time, logger)
{
    private const int BatchSize = 50;

    /// <inheritdoc />
    protected override TimeSpan Interval => options.Value.DispatchInterval;

    /// <inheritdoc />
    protected override string Name => "Notification dispatcher";

    /// <inheritdoc />
    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        while (await SendDueAsync(cancellationToken) == BatchSize)
        {
        }
    }

    /// <summary>Sends the messages due now (at most one batch); answers how many it tried.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow().UtcDateTime;
        List<Guid> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
            await db.Notifications
                .Where(n => n.Status == NotificationStatus.Sending && n.LeaseUntil < now)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, NotificationStatus.Queued).SetProperty(n => n.UpdatedAt, now), cancellationToken);
            due = await db.Notifications.AsNoTracking()
                .Where(n => n.Status == NotificationStatus.Queued && n.NextAttemptAt <= now)
                .OrderBy(n => n.NextAttemptAt).ThenBy(n => n.Id)
                .Select(n => n.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
        }

        foreach (var id in due)
        {
            await SendOneAsync(id, cancellationToken);
        }

        return due.Count;
    }

    private async Task SendOneAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var settings = options.Value;
        var now = Time.GetUtcNow().UtcDateTime;
        var claimed = await db.Notifications
            .Where(n => n.Id == id && n.Status == NotificationStatus.Queued)
            .ExecuteUpdateAsync(
                s => s.SetProperty(n => n.Status, NotificationStatus.Sending)
                    .SetProperty(n => n.LeaseUntil, now + settings.SendTimeout)
                    .SetProperty(n => n.Attempts, n => n.Attempts + 1)
                    .SetProperty(n => n.UpdatedAt, now),
                cancellationToken);
        if (claimed == 0)
        {
            return; // another process took it, or an administrator cancelled it
        }

        var notification = await db.Notifications.FirstAsync(n => n.Id == id, cancellationToken);
        string? providerId = null;
        string? error = null;
        var permanent = false;
        try
        {
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attempt.CancelAfter(settings.SendTimeout);
            providerId = notification.Channel switch
            {
                NotificationChannel.Email => await scope.ServiceProvider.GetRequiredService<IEmailTransport>()
                    .SendAsync(MimeMessages.From(notification, settings.Email.From), attempt.Token),
                _ => await scope.ServiceProvider.GetRequiredService<ISmsTransport>()
                    .SendAsync(notification.Id, notification.Recipient, notification.TextBody, attempt.Token),
            };
        }
        catch (DeliveryException ex)
        {
            error = ex.Message;
            permanent = ex.Permanent;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            error = $"No answer within {settings.SendTimeout.TotalSeconds:0} s";
        }

        now = Time.GetUtcNow().UtcDateTime;
        notification.UpdatedAt = now;
        notification.LeaseUntil = null;
        if (error is null)
        {
            notification.Status = NotificationStatus.Sent;
            notification.SentAt = now;
            notification.ProviderMessageId = providerId;
            notification.LastError = null;
            LogSent(notification.Id, notification.Channel, notification.Template, notification.Attempts);
        }
        else if (permanent || notification.Attempts >= settings.MaxAttempts)
        {
            notification.Status = NotificationStatus.Failed;
            notification.LastError = Trim(error);
            LogParked(notification.Id, notification.Attempts, error);
        }
        else
        {
            notification.Status = NotificationStatus.Queued;
            notification.LastError = Trim(error);
            notification.NextAttemptAt = now + Backoff(notification.Attempts, settings);
            LogRetry(notification.Id, notification.Attempts, notification.NextAttemptAt, error);
        }

        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>The wait after failed attempt <paramref name="attempts"/>: the retry delay, doubled per further attempt, capped.</summary>
    public static TimeSpan Backoff(int attempts, NotificationsOptions settings)
    {
        var factor = Math.Pow(2, Math.Min(Math.Max(attempts - 1, 0), 20));
        var wait = TimeSpan.FromTicks((long)Math.Min(settings.RetryDelay.Ticks * factor, settings.MaxRetryDelay.Ticks));
        return wait;
    }

    private static string Trim(string error) => error.Length <= 1000 ? error : error[..1000];

    [LoggerMessage(Level = LogLevel.Information, Message = "Notification {Id} ({Channel}, {Template}) sent after {Attempts} attempt(s)")]
    private partial void LogSent(Guid id, NotificationChannel channel, string? template, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification {Id}: attempt {Attempts} failed, next at {NextAttemptAt:o}: {Error}")]
    private partial void LogRetry(Guid id, int attempts, DateTime nextAttemptAt, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Notification {Id} failed after {Attempts} attempts and is parked: {Error}")]
    private partial void LogParked(Guid id, int attempts, string error);
}
