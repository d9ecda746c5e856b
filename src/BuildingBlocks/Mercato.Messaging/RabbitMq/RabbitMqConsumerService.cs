using Mercato.Messaging.Inbox;
using Mercato.Messaging.Transport;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace Mercato.Messaging.RabbitMq;

/// <summary>
/// Consumes each hosted module's queue (<c>{QueuePrefix}{module}</c>, bound to the events the
/// module's handlers subscribe to) and hands every delivery to each of the module's handlers of
/// that event through the <see cref="InboxDispatcher"/>, which applies it exactly once and
/// restores the producer's correlation id and trace context.
/// <list type="bullet">
/// <item>A message is acknowledged only after all its handlers committed.</item>
/// <item>When a handler fails, the message is returned to the queue after
/// <see cref="RabbitMqOptions.RetryDelay"/>; after <see cref="RabbitMqOptions.MaxDeliveries"/>
/// deliveries the broker dead-letters it to <c>{queue}.dlq</c>.</item>
/// <item>A message without a valid event id, or of a type the module does not handle, is
/// dead-lettered at once.</item>
/// <item>While the broker is down at start, connecting is retried every
/// <see cref="RabbitMqOptions.RecoveryInterval"/>; once connected, the client recovers the
/// connection and the consumers by itself.</item>
/// <item>On shutdown it cancels the consumers, lets handlers in flight finish (within the
/// host's shutdown timeout) and closes the channels; unacknowledged messages return to the queue.</item>
/// </list>
/// </summary>
internal sealed partial class RabbitMqConsumerService(
    RabbitMqBroker broker,
    EventSubscriptions subscriptions,
    InboxDispatcher dispatcher,
    ILogger<RabbitMqConsumerService> logger) : BackgroundService
{
    private readonly CancellationTokenSource _handlersAborted = new();
    private readonly InFlightDeliveries _inFlight = new();
    private readonly TaskCompletionSource _declared = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile ModuleConsumer[] _consumers = [];
    private volatile string[] _queues = [];

    /// <summary>Whether this process has handlers, and so queues to consume.</summary>
    public bool HasSubscriptions => subscriptions.All.Count > 0;

    /// <summary>Whether every module queue has a consumer on an open connection.</summary>
    public bool IsConsuming => _consumers.Length > 0 && broker.Consuming.IsOpen;

    /// <summary>The queues consumed.</summary>
    public IReadOnlyList<string> Queues => _queues;

    /// <summary>
    /// Whether this process's queues exist on the broker (or it has none). Until then an event
    /// published here could reach no queue of its own modules, so the transport holds it back.
    /// </summary>
    public bool QueuesDeclared => !HasSubscriptions || _declared.Task.IsCompleted;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var modules = subscriptions.ByModule().Select(g => (Module: g.Key, Handlers: (IReadOnlyList<EventSubscription>)[.. g])).ToList();
        if (modules.Count == 0)
        {
            return;
        }

        await Task.Yield();
        var retryDelay = broker.Options.RecoveryInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var consumers = await StartConsumersAsync(modules, stoppingToken);
                _queues = [.. consumers.Select(c => c.Queue)];
                _consumers = consumers;
                _declared.TrySetResult();
                LogConsuming(logger, _queues);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Any failure to connect or declare is retried until the broker is back.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogStartFailed(logger, ex, retryDelay);
            }

            try
            {
                await Task.Delay(retryDelay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<ModuleConsumer[]> StartConsumersAsync(
        List<(string Module, IReadOnlyList<EventSubscription> Handlers)> modules, CancellationToken cancellationToken)
    {
        var options = broker.Options;
        var connection = await broker.Consuming.GetOpenAsync(cancellationToken);
        var started = new List<ModuleConsumer>();
        try
        {
            foreach (var (module, handlers) in modules)
            {
                var queue = options.QueueFor(module);
                var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
                started.Add(new ModuleConsumer(queue, channel));
                await channel.BasicQosAsync(0, options.Prefetch, global: false, cancellationToken);
                await RabbitMqTopology.DeclareConsumerQueueAsync(channel, options, queue, handlers.Select(h => h.EventName), cancellationToken);
                var consumer = new AsyncEventingBasicConsumer(channel);
                consumer.ReceivedAsync += (_, delivery) => OnReceivedAsync(channel, queue, handlers, delivery);
                started[^1] = started[^1] with { Tag = await channel.BasicConsumeAsync(queue, autoAck: false, consumer, cancellationToken) };
            }

            return [.. started];
        }
        catch
        {
            await CloseAsync(started);
            throw;
        }
    }

    private async Task OnReceivedAsync(IChannel channel, string queue, IReadOnlyList<EventSubscription> handlers, BasicDeliverEventArgs delivery)
    {
        if (!_inFlight.TryEnter())
        {
            // Shutting down: left unacknowledged, it returns to the queue when the channel closes.
            return;
        }

        try
        {
            await HandleAsync(channel, queue, handlers, delivery);
        }
        catch (AlreadyClosedException ex)
        {
            // The ack could not be sent; the broker delivers the message again and the inbox skips it.
            LogSettleFailed(logger, queue, ex.Message);
        }
        finally
        {
            _inFlight.Exit();
        }
    }

    private async Task HandleAsync(IChannel channel, string queue, IReadOnlyList<EventSubscription> handlers, BasicDeliverEventArgs delivery)
    {
        var type = RabbitMqMessage.TypeOf(delivery);
        var envelope = RabbitMqMessage.ToEnvelope(delivery);
        var matching = handlers.Where(h => string.Equals(h.EventName, type, StringComparison.Ordinal)).ToList();
        if (envelope is null || matching.Count == 0)
        {
            MessagingMetrics.Rejected.Add(1);
            LogRejected(logger, type, delivery.BasicProperties.MessageId, queue,
                envelope is null ? "it carries no valid event id" : "no handler of this module subscribes to it");
            await channel.BasicNackAsync(delivery.DeliveryTag, multiple: false, requeue: false);
            return;
        }

        Exception? failure = null;
        try
        {
            foreach (var subscription in matching)
            {
                await dispatcher.DispatchAsync(subscription, envelope, _handlersAborted.Token);
            }
        }
        catch (OperationCanceledException) when (_handlersAborted.IsCancellationRequested)
        {
            // Shutdown ran out of time mid-handler: its transaction rolled back, the message returns.
            return;
        }
#pragma warning disable CA1031 // A failing handler must not stop the consumer; the message is retried.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            failure = ex;
        }

        if (failure is null)
        {
            await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false);
            return;
        }

        MessagingMetrics.HandlerFailures.Add(1);
        var deliveries = RabbitMqMessage.DeliveryCount(delivery.BasicProperties) + 1;
        var maxDeliveries = broker.Options.MaxDeliveries;
        if (deliveries >= maxDeliveries)
        {
            LogDeadLettering(logger, failure, type, envelope.Id, queue, deliveries, RabbitMqOptions.DeadLetterQueueOf(queue));
        }
        else
        {
            LogHandlerFailed(logger, failure, type, envelope.Id, queue, deliveries, maxDeliveries);
            try
            {
                await Task.Delay(broker.Options.RetryDelay, _handlersAborted.Token);
            }
            catch (OperationCanceledException)
            {
                // Shutting down: return it at once.
            }
        }

        await channel.BasicNackAsync(delivery.DeliveryTag, multiple: false, requeue: true);
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // First end the start-up loop, so the set of consumers no longer changes.
        await base.StopAsync(cancellationToken);
        var consumers = _consumers;
        foreach (var consumer in consumers)
        {
            try
            {
                await consumer.Channel.BasicCancelAsync(consumer.Tag, noWait: false, cancellationToken);
            }
            catch (Exception ex) when (ex is AlreadyClosedException or OperationInterruptedException or OperationCanceledException)
            {
                LogCancelFailed(logger, consumer.Queue, ex.Message);
            }
        }

        try
        {
            await _inFlight.DrainAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            LogDrainTimedOut(logger);
            await _handlersAborted.CancelAsync();
        }

        var queues = _queues;
        await CloseAsync(consumers);
        _consumers = [];
        _queues = [];
        if (consumers.Length > 0)
        {
            LogStopped(logger, queues);
        }
    }

    private static async Task CloseAsync(IEnumerable<ModuleConsumer> consumers)
    {
        foreach (var consumer in consumers)
        {
            try
            {
                if (consumer.Channel.IsOpen)
                {
                    await consumer.Channel.CloseAsync();
                }
            }
            catch (Exception ex) when (ex is AlreadyClosedException or ObjectDisposedException)
            {
                // Closed (and released by the client's recovery) with its connection already.
            }

            await consumer.Channel.DisposeAsync();
        }
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _handlersAborted.Dispose();
        base.Dispose();
    }

    private sealed record ModuleConsumer(string Queue, IChannel Channel, string Tag = "");

    [LoggerMessage(EventId = 2220, Level = LogLevel.Information, Message = "Consuming RabbitMQ queues {Queues}")]
    private static partial void LogConsuming(ILogger logger, string[] queues);

    [LoggerMessage(EventId = 2221, Level = LogLevel.Warning, Message = "Could not start consuming from RabbitMQ; retrying in {Delay}")]
    private static partial void LogStartFailed(ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(EventId = 2222, Level = LogLevel.Warning, Message = "Handling {Type} {Id} from {Queue} failed (delivery {Delivery} of {MaxDeliveries}); returning it to the queue")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string type, Guid id, string queue, long delivery, int maxDeliveries);

    [LoggerMessage(EventId = 2223, Level = LogLevel.Error, Message = "Handling {Type} {Id} from {Queue} failed on its last delivery ({Delivery}); dead-lettering it to {DeadLetterQueue}")]
    private static partial void LogDeadLettering(ILogger logger, Exception exception, string type, Guid id, string queue, long delivery, string deadLetterQueue);

    [LoggerMessage(EventId = 2224, Level = LogLevel.Error, Message = "Dead-lettered message {Id} of type {Type} from {Queue}: {Reason}")]
    private static partial void LogRejected(ILogger logger, string type, string? id, string queue, string reason);

    [LoggerMessage(EventId = 2225, Level = LogLevel.Warning, Message = "Could not settle a delivery from {Queue} ({Reason}); the broker will deliver it again")]
    private static partial void LogSettleFailed(ILogger logger, string queue, string reason);

    [LoggerMessage(EventId = 2226, Level = LogLevel.Debug, Message = "Could not cancel the consumer of {Queue}: {Reason}")]
    private static partial void LogCancelFailed(ILogger logger, string queue, string reason);

    [LoggerMessage(EventId = 2227, Level = LogLevel.Warning, Message = "Shutdown timed out with handlers in flight; their messages return to the queue")]
    private static partial void LogDrainTimedOut(ILogger logger);

    [LoggerMessage(EventId = 2228, Level = LogLevel.Information, Message = "Stopped consuming RabbitMQ queues {Queues}")]
    private static partial void LogStopped(ILogger logger, string[] queues);
}
