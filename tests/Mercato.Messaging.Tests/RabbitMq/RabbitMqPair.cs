using Mercato.Messaging.Tests.Support;
using Mercato.Testing;

namespace Mercato.Messaging.Tests.RabbitMq;

/// <summary>
/// TestHost processes on PostgreSQL and RabbitMQ, with their own exchange, queue prefix and
/// databases: <see cref="Consumer"/> hosts Audit (which handles NoteCreated) and
/// <see cref="Producer"/> hosts Probe (which publishes it), both reaching the broker through
/// <see cref="Proxy"/>, so a test can take the broker away from them; and
/// <see cref="CrashingProducer"/> hosts Probe on databases of its own with its relay disabled,
/// for the one test that kills it (started here so that its start overlaps the others').
/// </summary>
public sealed class RabbitMqPair : IAsyncLifetime
{
    private TestBroker? _broker;
    private MercatoProcess? _consumer;
    private MercatoProcess? _producer;
    private MercatoProcess? _crashingProducer;

    /// <summary>The unique name of this pair's exchange, queues and databases.</summary>
    public string Name { get; } = TestInfrastructure.UniqueName("msg");

    /// <summary>The events exchange.</summary>
    public string Exchange => RabbitMqSettings.ExchangeOf(Name);

    /// <summary>The Audit module's queue.</summary>
    public string AuditQueue => RabbitMqSettings.QueuePrefixOf(Name) + "audit";

    /// <summary>The Audit module's dead-letter queue.</summary>
    public string AuditDeadLetterQueue => AuditQueue + ".dlq";

    /// <summary>Prefix of every database of this pair.</summary>
    public string DatabasePrefix => Name + "_";

    /// <summary>Prefix of the databases of <see cref="CrashingProducer"/>.</summary>
    public string CrashingDatabasePrefix => DatabasePrefix + "k_";

    /// <summary>The forwarder between the consumer and producer processes and the broker.</summary>
    public TcpProxy Proxy { get; } = new(TestBroker.Uri);

    /// <summary>Direct access to the broker.</summary>
    public TestBroker Broker => _broker ?? throw new InvalidOperationException("Not started.");

    /// <summary>The process hosting Audit, connected through <see cref="Proxy"/>.</summary>
    public MercatoProcess Consumer => _consumer ?? throw new InvalidOperationException("Not started.");

    /// <summary>The process hosting Probe, connected through <see cref="Proxy"/>.</summary>
    public MercatoProcess Producer => _producer ?? throw new InvalidOperationException("Not started.");

    /// <summary>A process hosting Probe with its relay disabled, on <see cref="CrashingDatabasePrefix"/>.</summary>
    public MercatoProcess CrashingProducer => _crashingProducer ?? throw new InvalidOperationException("Not started.");

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        try
        {
            Proxy.Start();
            _broker = await TestBroker.ConnectAsync();
            var consumer = StartAsync("audit", DatabasePrefix, Proxy.Rewrite(TestBroker.Uri));
            var producer = StartProducerAsync(DatabasePrefix, relayEnabled: true, Proxy.Rewrite(TestBroker.Uri));
            var crashingProducer = StartProducerAsync(CrashingDatabasePrefix, relayEnabled: false);
            try
            {
                await Task.WhenAll(consumer, producer, crashingProducer);
            }
            finally
            {
                _consumer = consumer.IsCompletedSuccessfully ? consumer.Result : null;
                _producer = producer.IsCompletedSuccessfully ? producer.Result : null;
                _crashingProducer = crashingProducer.IsCompletedSuccessfully ? crashingProducer.Result : null;
            }

            await Consumer.Client.WaitForReadinessAsync("rabbitmq", "Healthy");
            await Producer.Client.WaitForReadinessAsync("rabbitmq", "Healthy");
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts a process hosting Probe on the databases named by <paramref name="databasePrefix"/>.</summary>
    public Task<MercatoProcess> StartProducerAsync(string databasePrefix, bool relayEnabled, Uri? broker = null)
    {
        var extra = new Dictionary<string, string?> { ["Messaging:Relay:Enabled"] = relayEnabled ? "true" : "false" };
        return StartAsync("probe", databasePrefix, broker ?? TestBroker.Uri, extra);
    }

    private Task<MercatoProcess> StartAsync(string service, string databasePrefix, Uri broker, Dictionary<string, string?>? extra = null)
    {
        var settings = RabbitMqSettings.For(Name, broker);
        settings["Persistence:Provider"] = "postgres";
        settings["Persistence:Postgres"] = TestInfrastructure.Postgres;
        settings["Persistence:DatabasePrefix"] = databasePrefix;
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        return MercatoProcess.StartAsync(RepoPaths.TestHostDll, settings, arguments: ["--services", service]);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var process in new[] { _crashingProducer, _producer, _consumer })
        {
            if (process is not null)
            {
                await process.TerminateAsync(TimeSpan.FromSeconds(30));
                await process.DisposeAsync();
            }
        }

        (_crashingProducer, _producer, _consumer) = (null, null, null);
        await Proxy.DisposeAsync();
        if (_broker is { } broker)
        {
            _broker = null;
            await broker.DeleteTopologyAsync(Exchange, RabbitMqSettings.QueuePrefixOf(Name), "audit");
            await broker.DisposeAsync();
        }

        await TestInfrastructure.DropPostgresDatabasesAsync(DatabasePrefix);
    }
}
