using Mercato.Messaging.Tests.Support;
using Mercato.Testing;

namespace Mercato.Messaging.Tests.RabbitMq;

/// <summary>SIGTERM stops consuming but lets a handler already running commit and acknowledge.</summary>
public sealed class ShutdownDrainTests
{
    [Fact]
    public async Task Sigterm_lets_an_in_flight_handler_commit_and_ack_before_the_process_exits()
    {
        var name = TestInfrastructure.UniqueName("msgdrain");
        var dataDirectory = Directory.CreateTempSubdirectory("mercato-msg-").FullName;
        await using var broker = await TestBroker.ConnectAsync();
        var settings = RabbitMqSettings.For(name, TestBroker.Uri);
        settings["Persistence:DataDirectory"] = dataDirectory;
        settings["Audit:FailFirstAttempts"] = "0";
        settings["Audit:HandlerDelayMs"] = "3000";
        var queue = RabbitMqSettings.QueuePrefixOf(name) + "audit";
        try
        {
            Guid noteId;
            await using (var server = await MercatoProcess.StartAsync(RepoPaths.TestHostDll, settings, arguments: ["--services", "probe,audit"]))
            {
                noteId = await server.Client.CreateNoteAsync("in flight at shutdown");
                Assert.True(await server.WaitForLogAsync("Audit handler started"));

                Assert.Equal(0, await server.TerminateAsync(TimeSpan.FromSeconds(30)));
            }

            // Acknowledged: nothing is left for redelivery once the consumer's channel is gone.
            Assert.Equal(0u, await broker.MessageCountAsync(queue));

            // Committed: a new process on the same data sees exactly one entry.
            settings["Audit:HandlerDelayMs"] = "0";
            await using var again = await MercatoProcess.StartAsync(RepoPaths.TestHostDll, settings, arguments: ["--services", "probe,audit"]);
            var entry = Assert.Single(await again.Client.AuditEntriesAsync(noteId));
            Assert.Equal(noteId, entry.GetProperty("noteId").GetGuid());
        }
        finally
        {
            await broker.DeleteTopologyAsync(RabbitMqSettings.ExchangeOf(name), RabbitMqSettings.QueuePrefixOf(name), "audit");
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
