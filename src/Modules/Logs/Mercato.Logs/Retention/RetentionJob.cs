using Mercato.Logs.Data;
using Mercato.Platform.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mercato.Logs.Retention;

/// <summary>
/// Deletes log records older than <see cref="LogsOptions.LogRetention"/> and audit entries older
/// than <see cref="LogsOptions.AuditRetention"/>, every <see cref="LogsOptions.RetentionInterval"/>:
/// the only thing that ever deletes from the audit trail.
/// </summary>
internal sealed partial class RetentionJob(
    IServiceScopeFactory scopes,
    IOptions<LogsOptions> options,
    TimeProvider time,
    ILogger<RetentionJob> logger) : PeriodicJob(time, logger)
{
    /// <inheritdoc />
    protected override TimeSpan Interval => options.Value.RetentionInterval;

    /// <inheritdoc />
    protected override string Name => "Logs retention";

    /// <inheritdoc />
    protected override bool RunsAtStart => true;

    /// <inheritdoc />
    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow().UtcDateTime;
        var logsBefore = now - options.Value.LogRetention;
        var auditBefore = now - options.Value.AuditRetention;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LogsDbContext>();
        var logs = await db.Logs.Where(l => l.Timestamp < logsBefore).ExecuteDeleteAsync(cancellationToken);
        var audit = await db.Audit.Where(a => a.OccurredAt < auditBefore).ExecuteDeleteAsync(cancellationToken);
        if (logs + audit > 0)
        {
            LogDeleted(logger, logs, audit);
        }
    }

    [LoggerMessage(EventId = 9100, Level = LogLevel.Information, Message = "Retention deleted {Logs} log records and {Audit} audit entries")]
    private static partial void LogDeleted(ILogger logger, int logs, int audit);
}
