using System.Text.Json;
using Mercato.Messaging.Outbox;
using Mercato.Messaging.Tests.Support;
using Mercato.Probe.Data;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Messaging.Tests.Events;

/// <summary>
/// An event's <c>OccurredAt</c> comes from the application's <see cref="TimeProvider"/> when it is
/// written to the outbox, not from the machine's clock: with a fake clock days ahead, the stored
/// row and the payload carry the fake time.
/// </summary>
/// <typeparam name="THost">The host on SQLite or PostgreSQL.</typeparam>
public abstract class OccurredAtTests<THost>(THost host) : IClassFixture<THost>
    where THost : ClockedProbeHost
{
    [Fact]
    public async Task OccurredAt_is_stamped_from_the_injected_clock()
    {
        host.Clock.Advance(TimeSpan.FromDays(3));
        var expected = host.Clock.GetUtcNow();
        var client = host.CreateClient();

        var noteId = await client.CreateNoteAsync("stamped by the fake clock");

        var row = await MercatoProcess.EventuallyAsync(
            async () =>
            {
                await using var scope = host.Services.CreateAsyncScope();
                return await scope.ServiceProvider.GetRequiredService<ProbeDbContext>().Set<OutboxMessage>().AsNoTracking()
                    .SingleOrDefaultAsync(m => m.Payload.Contains(noteId.ToString()));
            },
            r => r is not null,
            EventFlow.Patience);
        // PostgreSQL keeps microseconds; the clock has 100 ns ticks.
        Assert.InRange((row!.OccurredAt - expected.UtcDateTime).Duration(), TimeSpan.Zero, TimeSpan.FromMicroseconds(1));
        var payload = JsonDocument.Parse(row.Payload).RootElement;
        Assert.Equal(expected, payload.GetProperty("occurredAt").GetDateTimeOffset());
        Assert.True(DateTimeOffset.UtcNow < expected - TimeSpan.FromDays(2), "The fake clock must be ahead of the machine's");
    }
}

/// <summary>The Probe module (which writes NoteCreated) on a fake clock.</summary>
public class ClockedProbeHost : ModuleHostFactory<Program>
{
    /// <summary>Creates the host on SQLite or PostgreSQL.</summary>
    protected ClockedProbeHost(bool postgres)
        : base("probe", postgres, "mercato_clock")
    {
    }
}

/// <summary>On SQLite files.</summary>
public sealed class SqliteClockedProbeHost() : ClockedProbeHost(postgres: false);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresClockedProbeHost() : ClockedProbeHost(postgres: true);

/// <summary>On SQLite files.</summary>
public sealed class SqliteOccurredAtTests(SqliteClockedProbeHost host) : OccurredAtTests<SqliteClockedProbeHost>(host);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresOccurredAtTests(PostgresClockedProbeHost host) : OccurredAtTests<PostgresClockedProbeHost>(host);
