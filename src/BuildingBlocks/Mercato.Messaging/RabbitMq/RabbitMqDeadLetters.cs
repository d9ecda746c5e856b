using System.Text;
using Mercato.Messaging.Operations;
using Mercato.Messaging.Transport;
using Mercato.Platform.Correlation;
using Mercato.Platform.Envelope;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Mercato.Messaging.RabbitMq;

/// <summary>
/// The dead-letter queues (<c>{queue}.dlq</c>) of the modules consuming here. Messages are read
/// with <c>basic.get</c> on a channel of their own and never acknowledged unless replayed or
/// discarded: the rest are returned (requeued in place) before the channel closes, so peeking
/// loses nothing. A replayed message is published, with publisher confirms, to the module's
/// queue through the default exchange (its routing key is the queue's name), without the
/// broker's death and delivery-count headers, and only then acknowledged on the dead-letter
/// queue (at least once: a crash in between leaves a copy in both, which the inbox absorbs).
/// </summary>
internal sealed partial class RabbitMqDeadLetters(
    RabbitMqBroker broker, EventSubscriptions subscriptions, ILogger<RabbitMqDeadLetters> logger) : IDeadLetterQueues
{
    private static readonly CreateChannelOptions ConfirmedChannel =
        new(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true);

    /// <inheritdoc />
    public bool Consumes(string module) => subscriptions.All.Any(s => string.Equals(s.Module, module, StringComparison.Ordinal));

    /// <inheritdoc />
    public async Task<PagedResult<DeadLetterResponse>> PeekAsync(string module, int pageNumber, int pageSize, CancellationToken cancellationToken)
    {
        var queue = DeadLetterQueue(module);
        await using var channel = await OpenAsync(cancellationToken);
        var total = await CountAsync(channel, queue, cancellationToken);
        var items = new List<DeadLetterResponse>();
        var skip = (pageNumber - 1) * pageSize;
        ulong last = 0;
        for (var i = 0; i < skip + pageSize && i < total; i++)
        {
            var message = await channel.BasicGetAsync(queue, autoAck: false, cancellationToken);
            if (message is null)
            {
                break;
            }

            last = message.DeliveryTag;
            if (i >= skip)
            {
                items.Add(ToResponse(message));
            }
        }

        await ReturnAsync(channel, last);
        return new PagedResult<DeadLetterResponse>(items, pageNumber, pageSize, total);
    }

    /// <inheritdoc />
    public async Task<int> ReplayAsync(string module, string? messageId, CancellationToken cancellationToken)
    {
        var target = broker.Options.QueueFor(module);
        var count = await TakeAsync(module, messageId, async (channel, message) =>
        {
            await channel.BasicPublishAsync(string.Empty, target, mandatory: true, WithoutDeathHeaders(message.BasicProperties), message.Body, cancellationToken);
            LogReplayed(logger, message.BasicProperties.Type, message.BasicProperties.MessageId, target);
        }, cancellationToken);
        MessagingMetrics.DeadLettersReplayed.Add(count);
        return count;
    }

    /// <inheritdoc />
    public async Task<int> DiscardAsync(string module, string messageId, CancellationToken cancellationToken)
    {
        var count = await TakeAsync(module, messageId, (_, message) =>
        {
            LogDiscarded(logger, message.BasicProperties.Type, message.BasicProperties.MessageId, DeadLetterQueue(module));
            return Task.CompletedTask;
        }, cancellationToken);
        MessagingMetrics.DeadLettersDiscarded.Add(count);
        return count;
    }

    /// <summary>
    /// Reads the dead-letter queue once through (as many messages as it held at the start), runs
    /// <paramref name="take"/> on those matching <paramref name="messageId"/> (all when null) and
    /// acknowledges them; the others go back.
    /// </summary>
    private async Task<int> TakeAsync(string module, string? messageId, Func<IChannel, BasicGetResult, Task> take, CancellationToken cancellationToken)
    {
        var queue = DeadLetterQueue(module);
        await using var channel = await OpenAsync(cancellationToken);
        var total = await CountAsync(channel, queue, cancellationToken);
        var taken = 0;
        var untaken = new List<ulong>();
        for (var i = 0; i < total; i++)
        {
            var message = await channel.BasicGetAsync(queue, autoAck: false, cancellationToken);
            if (message is null)
            {
                break;
            }

            if (messageId is not null && !string.Equals(message.BasicProperties.MessageId, messageId, StringComparison.Ordinal))
            {
                untaken.Add(message.DeliveryTag);
                continue;
            }

            await take(channel, message);
            await channel.BasicAckAsync(message.DeliveryTag, multiple: false, cancellationToken);
            taken++;
            if (messageId is not null)
            {
                break;
            }
        }

        foreach (var tag in untaken)
        {
            await channel.BasicNackAsync(tag, multiple: false, requeue: true, cancellationToken);
        }

        return taken;
    }

    private string DeadLetterQueue(string module) => RabbitMqOptions.DeadLetterQueueOf(broker.Options.QueueFor(module));

    private async Task<IChannel> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await broker.Publishing.GetOpenAsync(cancellationToken);
        return await connection.CreateChannelAsync(ConfirmedChannel, cancellationToken);
    }

    /// <summary>Messages ready in the queue; 0 when it does not exist yet (nothing was ever dead-lettered).</summary>
    private static async Task<long> CountAsync(IChannel channel, string queue, CancellationToken cancellationToken)
    {
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue, cancellationToken)).MessageCount;
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 404)
        {
            return 0;
        }
    }

    /// <summary>Returns every message read so far to the queue, in place.</summary>
    private static async Task ReturnAsync(IChannel channel, ulong lastTag)
    {
        if (lastTag > 0 && channel.IsOpen)
        {
            await channel.BasicNackAsync(lastTag, multiple: true, requeue: true);
        }
    }

    private static BasicProperties WithoutDeathHeaders(IReadOnlyBasicProperties properties)
    {
        var copy = new BasicProperties(properties);
        if (properties.Headers is { } headers)
        {
            copy.Headers = headers
                .Where(h => h.Key != RabbitMqMessage.DeliveryCountHeader && !h.Key.StartsWith("x-death", StringComparison.Ordinal)
                    && !h.Key.StartsWith("x-first-death", StringComparison.Ordinal) && !h.Key.StartsWith("x-last-death", StringComparison.Ordinal))
                .ToDictionary(h => h.Key, h => h.Value, StringComparer.Ordinal);
        }

        return copy;
    }

    private static DeadLetterResponse ToResponse(BasicGetResult message)
    {
        var properties = message.BasicProperties;
        var correlationId = RabbitMqMessage.Header(properties, CorrelationContext.HeaderName) ?? properties.CorrelationId;
        return new DeadLetterResponse(
            properties.MessageId, properties.Type, properties.AppId, correlationId,
            RabbitMqMessage.Header(properties, "x-first-death-reason"), Encoding.UTF8.GetString(message.Body.Span));
    }

    [LoggerMessage(EventId = 2400, Level = LogLevel.Warning, Message = "Replayed dead-lettered {Type} {MessageId} to {Queue}")]
    private static partial void LogReplayed(ILogger logger, string? type, string? messageId, string queue);

    [LoggerMessage(EventId = 2401, Level = LogLevel.Warning, Message = "Discarded dead-lettered {Type} {MessageId} from {Queue}")]
    private static partial void LogDiscarded(ILogger logger, string? type, string? messageId, string queue);
}
