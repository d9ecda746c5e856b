using Mercato.Messaging.Tests.Support;
using Mercato.Testing;

namespace Mercato.Messaging.Tests.RabbitMq;

/// <summary>A process on the RabbitMQ transport whose broker is down when it starts.</summary>
public sealed class BrokerDownAtStartTests
{
    [Fact]
    public async Task Process_serves_while_the_broker_is_down_delivers_once_it_is_up_and_stops_cleanly_on_sigterm()
    {
        var name = TestInfrastructure.UniqueName("msgdown");
        var dataDirectory = Directory.CreateTempSubdirectory("mercato-msg-").FullName;
        await using var proxy = new TcpProxy(TestBroker.Uri);
        await using var broker = await TestBroker.ConnectAsync();
        var settings = RabbitMqSettings.For(name, proxy.Rewrite(TestBroker.Uri));
        settings["Persistence:DataDirectory"] = dataDirectory;
        settings["Audit:FailFirstAttempts"] = "0";
        try
        {
            await using var server = await MercatoProcess.StartAsync(RepoPaths.TestHostDll, settings, arguments: ["--services", "probe,audit"]);

            var down = await server.Client.ReadinessCheckAsync("rabbitmq");
            Assert.Equal("Degraded", down.GetProperty("status").GetString());
            var noteId = await server.Client.CreateNoteAsync("written before the broker was up");
            Assert.Empty(await server.Client.AuditEntriesAsync(noteId));

            proxy.Start();

            var entry = await server.WaitForAuditEntryAsync(noteId);
            Assert.Equal(1, entry.GetProperty("handlerAttempts").GetInt32());
            var up = await server.Client.WaitForReadinessAsync("rabbitmq", "Healthy");
            Assert.Contains(RabbitMqSettings.QueuePrefixOf(name) + "audit", up.GetProperty("description").GetString(), StringComparison.Ordinal);

            Assert.Equal(0, await server.TerminateAsync(TimeSpan.FromSeconds(30)));
            Assert.Contains(server.Output, l => l.Contains("Stopped consuming RabbitMQ queues", StringComparison.Ordinal));
            Assert.Contains(server.Output, l => l.Contains("closed", StringComparison.Ordinal) && l.Contains("RabbitMQ connection", StringComparison.Ordinal));
        }
        finally
        {
            await broker.DeleteTopologyAsync(RabbitMqSettings.ExchangeOf(name), RabbitMqSettings.QueuePrefixOf(name), "audit");
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
