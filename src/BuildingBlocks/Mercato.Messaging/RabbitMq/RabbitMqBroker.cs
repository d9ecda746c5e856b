using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;

namespace Mercato.Messaging.RabbitMq;

/// <summary>
/// The process's two connections to the broker: one for publishing and one for consuming, as
/// RabbitMQ recommends (flow control on a publishing connection must not stall consumers).
/// Both recover automatically, topology included.
/// </summary>
internal sealed class RabbitMqBroker : IAsyncDisposable
{
    /// <summary>Opens the connections lazily, from <c>Messaging:RabbitMq</c>.</summary>
    public RabbitMqBroker(IOptions<MessagingOptions> options, IHostEnvironment environment, ILogger<RabbitMqBroker> logger)
    {
        Options = options.Value.RabbitMq;
        var factory = new ConnectionFactory
        {
            Uri = new Uri(Options.Uri),
            AutomaticRecoveryEnabled = true,
            TopologyRecoveryEnabled = true,
            NetworkRecoveryInterval = Options.RecoveryInterval,
            RequestedConnectionTimeout = Options.ConnectTimeout,
        };
        Publishing = new RabbitMqConnection(factory, $"{environment.ApplicationName} publish", logger);
        Consuming = new RabbitMqConnection(factory, $"{environment.ApplicationName} consume", logger);
    }

    /// <summary>The settings.</summary>
    public RabbitMqOptions Options { get; }

    /// <summary>The connection events are published on.</summary>
    public RabbitMqConnection Publishing { get; }

    /// <summary>The connection the module queues are consumed on.</summary>
    public RabbitMqConnection Consuming { get; }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Consuming.DisposeAsync();
        await Publishing.DisposeAsync();
    }
}
