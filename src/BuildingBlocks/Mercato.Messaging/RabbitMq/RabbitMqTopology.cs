using RabbitMQ.Client;

namespace Mercato.Messaging.RabbitMq;

/// <summary>
/// The broker objects Mercato uses. Every event goes to one durable topic exchange with its
/// name as routing key. Each consuming module has one durable quorum queue bound to the names
/// of the events it handles; the queue's delivery limit bounds redeliveries, after which the
/// broker moves the message (at least once) through the dead-letter exchange to
/// <c>{queue}.dlq</c>, where it stays until an operator looks at it.
/// </summary>
internal static class RabbitMqTopology
{
    /// <summary>Declares the events exchange (idempotent).</summary>
    public static Task DeclareExchangeAsync(IChannel channel, RabbitMqOptions options, CancellationToken cancellationToken) =>
        channel.ExchangeDeclareAsync(options.Exchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: cancellationToken);

    /// <summary>Declares a module's queue, its dead-letter queue and their bindings (idempotent).</summary>
    public static async Task DeclareConsumerQueueAsync(
        IChannel channel, RabbitMqOptions options, string queue, IEnumerable<string> eventNames, CancellationToken cancellationToken)
    {
        await DeclareExchangeAsync(channel, options, cancellationToken);
        await channel.ExchangeDeclareAsync(
            options.DeadLetterExchange, ExchangeType.Direct, durable: true, autoDelete: false, cancellationToken: cancellationToken);

        var deadLetterQueue = RabbitMqOptions.DeadLetterQueueOf(queue);
        await channel.QueueDeclareAsync(
            deadLetterQueue, durable: true, exclusive: false, autoDelete: false, cancellationToken: cancellationToken);
        await channel.QueueBindAsync(deadLetterQueue, options.DeadLetterExchange, deadLetterQueue, cancellationToken: cancellationToken);

        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, QueueArguments(options, deadLetterQueue),
            cancellationToken: cancellationToken);
        foreach (var eventName in eventNames.Distinct(StringComparer.Ordinal))
        {
            await channel.QueueBindAsync(queue, options.Exchange, eventName, cancellationToken: cancellationToken);
        }
    }

    private static Dictionary<string, object?> QueueArguments(RabbitMqOptions options, string deadLetterQueue) => new()
    {
        ["x-queue-type"] = "quorum",
        // The limit counts returns: a message is delivered at most limit + 1 times.
        ["x-delivery-limit"] = options.MaxDeliveries - 1,
        ["x-dead-letter-exchange"] = options.DeadLetterExchange,
        ["x-dead-letter-routing-key"] = deadLetterQueue,
        // The broker keeps a dead-lettered message until the dead-letter queue confirmed it,
        // which requires reject-publish overflow.
        ["x-dead-letter-strategy"] = "at-least-once",
        ["x-overflow"] = "reject-publish",
    };
}
