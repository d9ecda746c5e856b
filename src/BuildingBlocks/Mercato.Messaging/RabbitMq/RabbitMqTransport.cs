using System.Collections.Concurrent;
using System.Diagnostics;
using Mercato.Messaging.Events;
using Mercato.Messaging.Transport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Mercato.Messaging.RabbitMq;

/// <summary>
/// Publishes events to the durable topic exchange as persistent messages, on channels with
/// publisher confirms: <see cref="PublishAsync"/> returns only once the broker has confirmed
/// the message (it is then safe on disk in every bound queue), and throws otherwise, so the
/// outbox relay keeps the row and retries. While the broker is unreachable it throws
/// <see cref="TransportUnavailableException"/>, which makes the relay wait without counting.
/// It does the same until this process's own module queues are declared, so that an event is
/// never published before the queues of the modules that handle it in this process exist. (A
/// queue of a module in another process exists from that module's first start on; an event
/// published before any of its consumers ever started reaches no queue and is logged as unrouted.)
/// </summary>
internal sealed partial class RabbitMqTransport(RabbitMqBroker broker, RabbitMqConsumerService consumers, ILogger<RabbitMqTransport> logger)
    : IMessageTransport, IAsyncDisposable
{
    private const int MaxIdleChannels = 8;

    private static readonly CreateChannelOptions ConfirmedChannel =
        new(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true);

    private readonly ConcurrentBag<IChannel> _idle = [];

    /// <inheritdoc />
    public async Task PublishAsync(MessageEnvelope envelope, DbContext producer, CancellationToken cancellationToken)
    {
        if (!consumers.QueuesDeclared)
        {
            throw new TransportUnavailableException("This process's RabbitMQ queues are not declared yet.");
        }

        var options = broker.Options;
        var channel = await RentAsync(cancellationToken);
        var reusable = false;
        try
        {
            var (traceParent, traceState) = TraceContextOf(envelope);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.ConfirmTimeout);
            await channel.BasicPublishAsync(
                options.Exchange,
                envelope.Type,
                mandatory: true,
                RabbitMqMessage.PropertiesOf(envelope, traceParent, traceState),
                RabbitMqMessage.BodyOf(envelope),
                timeout.Token);
            reusable = true;
        }
        catch (PublishReturnException ex)
        {
            // Confirmed, but no queue is bound to this event: no module subscribes to it.
            reusable = true;
            MessagingMetrics.Unrouted.Add(1);
            LogUnrouted(logger, envelope.Type, envelope.Id, ex.ReplyText);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"RabbitMQ did not confirm {envelope.Type} {envelope.Id} within {options.ConfirmTimeout}.");
        }
        catch (AlreadyClosedException ex) when (!broker.Publishing.IsOpen)
        {
            throw new TransportUnavailableException($"The RabbitMQ connection was lost while publishing: {ex.Message}", ex);
        }
        finally
        {
            await ReturnAsync(channel, reusable);
        }
    }

    private async Task<IChannel> RentAsync(CancellationToken cancellationToken)
    {
        var connection = await broker.Publishing.GetOpenAsync(cancellationToken);
        while (_idle.TryTake(out var idle))
        {
            if (idle.IsOpen)
            {
                return idle;
            }

            await CloseAsync(idle);
        }

        IChannel? channel = null;
        try
        {
            channel = await connection.CreateChannelAsync(ConfirmedChannel, cancellationToken);
            await RabbitMqTopology.DeclareExchangeAsync(channel, broker.Options, cancellationToken);
            return channel;
        }
        catch (Exception ex) when (ex is AlreadyClosedException or BrokerUnreachableException && !broker.Publishing.IsOpen)
        {
            await CloseAsync(channel);
            throw new TransportUnavailableException($"The RabbitMQ connection is down: {ex.Message}", ex);
        }
        catch
        {
            await CloseAsync(channel);
            throw;
        }
    }

    private async Task ReturnAsync(IChannel channel, bool reusable)
    {
        if (reusable && channel.IsOpen && _idle.Count < MaxIdleChannels)
        {
            _idle.Add(channel);
        }
        else
        {
            await CloseAsync(channel);
        }
    }

    /// <summary>
    /// The trace context to send: the relay's publish span when it belongs to the event's trace
    /// (so the consumer's span is its child), otherwise the context stored with the event.
    /// </summary>
    private static (string? TraceParent, string? TraceState) TraceContextOf(MessageEnvelope envelope)
    {
        if (Activity.Current is { IdFormat: ActivityIdFormat.W3C } current
            && (envelope.TraceParent is null
                || (ActivityContext.TryParse(envelope.TraceParent, envelope.TraceState, out var stored) && stored.TraceId == current.TraceId)))
        {
            return (current.Id, current.TraceStateString);
        }

        return (envelope.TraceParent, envelope.TraceState);
    }

    private static async Task CloseAsync(IChannel? channel)
    {
        if (channel is null)
        {
            return;
        }

        try
        {
            if (channel.IsOpen)
            {
                await channel.CloseAsync();
            }
        }
        catch (AlreadyClosedException)
        {
            // Closed with its connection already.
        }

        await channel.DisposeAsync();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        while (_idle.TryTake(out var channel))
        {
            await CloseAsync(channel);
        }
    }

    [LoggerMessage(EventId = 2210, Level = LogLevel.Information, Message = "Published {Type} {Id}, but no queue is bound to it ({Reply}): no module subscribes to it")]
    private static partial void LogUnrouted(ILogger logger, string type, Guid id, string reply);
}
