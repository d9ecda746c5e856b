using System.Collections.Concurrent;
using Mercato.Messaging.Events;
using Mercato.Messaging.Outbox;
using Mercato.Messaging.Transport;
using Mercato.Probe;
using Mercato.Probe.Contracts;
using Mercato.Probe.Data;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Messaging.Tests.Outbox;

/// <summary>
/// Replicas of a service share its PostgreSQL database and so its outbox: their relays take
/// turns, so every row reaches the broker once, in the order it was written, however the rounds
/// of the replicas meet. Two relays of the module run here side by side on one database, as two
/// replicas' would, each publishing through a transport that takes a moment to confirm.
/// </summary>
public sealed class ReplicaRelayTests : IAsyncLifetime
{
    private const int Events = 150;
    private readonly MercatoFactory<Program> _factory = new();

    public ValueTask InitializeAsync()
    {
        _factory.UsePostgres("relays");
        // The host's own relay stays off: the two below are the replicas.
        _factory.Settings["Messaging:Relay:Enabled"] = "false";
        _factory.Settings["Messaging:Relay:BatchSize"] = "20";
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task Two_replicas_relays_on_one_database_publish_each_row_once_in_the_order_written()
    {
        _ = _factory.Server;
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ProbeDbContext>();
            for (var i = 0; i < Events; i++)
            {
                db.AddIntegrationEvent(new NoteCreated(Guid.CreateVersion7(), $"note {i}"), ProbeModule.Name);
            }

            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var broker = new SlowConfirmTransport();
        var replicas = Enumerable.Range(0, 2).Select(_ => ActivatorUtilities.CreateInstance<OutboxRelay<ProbeDbContext>>(_factory.Services, (IMessageTransport)broker)).ToList();
        using var start = new Barrier(replicas.Count);
        await Task.WhenAll(replicas.Select(relay => Task.Run(async () =>
        {
            start.SignalAndWait(TestContext.Current.CancellationToken);
            while (await relay.RunOnceAsync(TestContext.Current.CancellationToken) > 0)
            {
            }
        })));

        await using var check = _factory.Services.CreateAsyncScope();
        var rows = await check.ServiceProvider.GetRequiredService<ProbeDbContext>().Set<OutboxMessage>().AsNoTracking()
            .OrderBy(m => m.OccurredAt).ThenBy(m => m.Id).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(Events, rows.Count);
        Assert.All(rows, r => Assert.NotNull(r.ProcessedAt));
        var published = broker.Published;
        Assert.Empty(published.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Equal(rows.Select(r => r.Id), published);
        Assert.True(replicas.All(r => r.Rounds > 1), "both replicas ran rounds");
    }

    /// <summary>Records what it was given, a couple of milliseconds after it was given it (a broker's confirm).</summary>
    private sealed class SlowConfirmTransport : IMessageTransport
    {
        private readonly ConcurrentQueue<Guid> _published = new();

        public IReadOnlyList<Guid> Published => [.. _published];

        public async Task PublishAsync(MessageEnvelope envelope, DbContext producer, CancellationToken cancellationToken)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(2), cancellationToken);
            _published.Enqueue(envelope.Id);
        }
    }
}
