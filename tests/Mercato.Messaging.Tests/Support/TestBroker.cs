using System.Text;
using Mercato.Testing;
using RabbitMQ.Client;

namespace Mercato.Messaging.Tests.Support;

/// <summary>Direct access to the test RabbitMQ, to publish raw messages and look into queues.</summary>
public sealed class TestBroker : IAsyncDisposable
{
    private readonly IConnection _connection;

    private TestBroker(IConnection connection) => _connection = connection;

    /// <summary>The broker's AMQP URI (<c>MERCATO_TEST_RABBITMQ</c>).</summary>
    public static Uri Uri => new(TestInfrastructure.RabbitMq);

    /// <summary>Connects to the test broker.</summary>
    public static async Task<TestBroker> ConnectAsync()
    {
        var factory = new ConnectionFactory { Uri = Uri, ClientProvidedName = "mercato-messaging-tests" };
        return new TestBroker(await factory.CreateConnectionAsync());
    }

    /// <summary>Publishes a persistent message and waits for the broker's confirm.</summary>
    public async Task PublishAsync(string exchange, string routingKey, string messageId, string type, string body)
    {
        await using var channel = await _connection.CreateChannelAsync(new CreateChannelOptions(true, true));
        var properties = new BasicProperties
        {
            MessageId = messageId,
            Type = type,
            ContentType = "application/json",
            DeliveryMode = DeliveryModes.Persistent,
        };
        await channel.BasicPublishAsync(exchange, routingKey, mandatory: true, properties, Encoding.UTF8.GetBytes(body));
    }

    /// <summary>Messages ready in a queue.</summary>
    public async Task<uint> MessageCountAsync(string queue)
    {
        await using var channel = await _connection.CreateChannelAsync();
        return await channel.MessageCountAsync(queue);
    }

    /// <summary>Binds a queue to an extra routing key.</summary>
    public async Task BindAsync(string queue, string exchange, string routingKey)
    {
        await using var channel = await _connection.CreateChannelAsync();
        await channel.QueueBindAsync(queue, exchange, routingKey);
    }

    /// <summary>
    /// Takes every message out of <paramref name="queue"/> (acknowledging it) and returns those
    /// matching; the others are put back.
    /// </summary>
    public async Task<List<BasicGetResult>> TakeAsync(string queue, Func<BasicGetResult, bool> match)
    {
        await using var channel = await _connection.CreateChannelAsync();
        var taken = new List<BasicGetResult>();
        var others = new List<ulong>();
        while (await channel.BasicGetAsync(queue, autoAck: false) is { } message)
        {
            if (match(message))
            {
                taken.Add(message);
                await channel.BasicAckAsync(message.DeliveryTag, multiple: false);
            }
            else
            {
                others.Add(message.DeliveryTag);
            }
        }

        foreach (var tag in others)
        {
            await channel.BasicNackAsync(tag, multiple: false, requeue: true);
        }

        return taken;
    }

    /// <summary>Deletes what a test's processes declared: the module queues, their dead-letter queues and the exchanges.</summary>
    public Task DeleteTopologyAsync(string exchange, string queuePrefix, params string[] modules) =>
        RabbitMqTopology.DeleteAsync(_connection, exchange, queuePrefix, modules);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _connection.CloseAsync();
        await _connection.DisposeAsync();
    }
}
