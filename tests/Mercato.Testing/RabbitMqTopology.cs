using RabbitMQ.Client;

namespace Mercato.Testing;

/// <summary>The exchanges and queues Mercato processes declare on the test broker, removed after a test.</summary>
public static class RabbitMqTopology
{
    /// <summary>Deletes what a test's processes declared: the module queues, their dead-letter queues and the exchanges.</summary>
    public static async Task DeleteAsync(IConnection connection, string exchange, string queuePrefix, params string[] modules)
    {
        await using var channel = await connection.CreateChannelAsync();
        foreach (var module in modules)
        {
            await channel.QueueDeleteAsync(queuePrefix + module, ifUnused: false, ifEmpty: false);
            await channel.QueueDeleteAsync(queuePrefix + module + ".dlq", ifUnused: false, ifEmpty: false);
        }

        await channel.ExchangeDeleteAsync(exchange, ifUnused: false);
        await channel.ExchangeDeleteAsync(exchange + ".dlx", ifUnused: false);
    }

    /// <summary>Connects to the test broker (<c>MERCATO_TEST_RABBITMQ</c>) and deletes the topology named.</summary>
    public static async Task DeleteAsync(string exchange, string queuePrefix, params string[] modules)
    {
        var factory = new ConnectionFactory { Uri = new Uri(TestInfrastructure.RabbitMq), ClientProvidedName = "mercato-test-cleanup" };
        await using var connection = await factory.CreateConnectionAsync();
        await DeleteAsync(connection, exchange, queuePrefix, modules);
        await connection.CloseAsync();
    }
}
