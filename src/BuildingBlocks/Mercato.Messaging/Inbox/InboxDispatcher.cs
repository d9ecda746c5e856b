using System.Diagnostics;
using Mercato.Messaging.Events;
using Mercato.Messaging.Transport;
using Mercato.Platform.Correlation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mercato.Messaging.Inbox;

/// <summary>What happened to one delivery.</summary>
public enum DispatchOutcome
{
    /// <summary>The handler ran and its changes committed with the inbox record.</summary>
    Handled,

    /// <summary>The inbox already had it; nothing was done.</summary>
    Duplicate,
}

/// <summary>
/// Runs one handler for one delivered event, exactly once per event id: the inbox check, the
/// handler's changes and the inbox record commit in one transaction of the consumer's
/// DbContext. The correlation id and trace context of the producer are restored around it.
/// </summary>
public sealed partial class InboxDispatcher(IServiceScopeFactory scopes, TimeProvider time, ILogger<InboxDispatcher> logger)
{
    /// <summary>Applies <paramref name="envelope"/> with <paramref name="subscription"/>'s handler; throws if the handler fails.</summary>
    public async Task<DispatchOutcome> DispatchAsync(EventSubscription subscription, MessageEnvelope envelope, CancellationToken cancellationToken)
    {
        var correlationId = envelope.CorrelationId ?? CorrelationContext.NewId();
        using var correlation = CorrelationContext.Begin(correlationId);
        using var logScope = logger.BeginScope(new CorrelationLogScope(correlationId));
        ActivityContext.TryParse(envelope.TraceParent, envelope.TraceState, out var parent);
        using var activity = MessagingMetrics.ActivitySource.StartActivity(
            $"handle {envelope.Type}", ActivityKind.Consumer, parent);
        activity?.SetTag("messaging.message.id", envelope.Id);
        activity?.SetTag("messaging.consumer", subscription.Consumer);
        activity?.SetTag("correlation.id", correlationId);

        await using var scope = scopes.CreateAsyncScope();
        var db = (DbContext)scope.ServiceProvider.GetRequiredService(subscription.ContextType);
        var inbox = db.Set<InboxMessage>();
        if (await inbox.AnyAsync(m => m.MessageId == envelope.Id && m.Consumer == subscription.Consumer, cancellationToken))
        {
            MessagingMetrics.Duplicates.Add(1);
            LogDuplicate(logger, envelope.Type, envelope.Id, subscription.Consumer);
            return DispatchOutcome.Duplicate;
        }

        var integrationEvent = EventSerializer.Deserialize(envelope.Payload, subscription.EventType);
        var handler = scope.ServiceProvider.GetRequiredService(subscription.HandlerType);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await HandlerInvoker.InvokeAsync(handler, subscription.EventType, integrationEvent, cancellationToken);
        inbox.Add(new InboxMessage
        {
            MessageId = envelope.Id,
            Consumer = subscription.Consumer,
            Type = envelope.Type,
            ProcessedAt = time.GetUtcNow().UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            if (!await IsRecordedAsync(subscription, envelope.Id, cancellationToken))
            {
                throw;
            }

            // A concurrent delivery of the same event committed first; ours rolled back.
            MessagingMetrics.Duplicates.Add(1);
            LogDuplicate(logger, envelope.Type, envelope.Id, subscription.Consumer);
            return DispatchOutcome.Duplicate;
        }

        MessagingMetrics.Handled.Add(1);
        LogHandled(logger, envelope.Type, envelope.Id, subscription.Consumer);
        return DispatchOutcome.Handled;
    }

    private async Task<bool> IsRecordedAsync(EventSubscription subscription, Guid id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = (DbContext)scope.ServiceProvider.GetRequiredService(subscription.ContextType);
        return await db.Set<InboxMessage>().AnyAsync(m => m.MessageId == id && m.Consumer == subscription.Consumer, cancellationToken);
    }

    [LoggerMessage(EventId = 2100, Level = LogLevel.Debug, Message = "Handled {Type} {Id} in {Consumer}")]
    private static partial void LogHandled(ILogger logger, string type, Guid id, string consumer);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Skipped duplicate {Type} {Id} in {Consumer}")]
    private static partial void LogDuplicate(ILogger logger, string type, Guid id, string consumer);
}
