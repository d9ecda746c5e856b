using Mercato.Messaging.Outbox;
using Mercato.Messaging.Tests.Support;
using Mercato.Probe.Data;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Messaging.Tests.InProcess;

/// <summary>
/// A module's commit wakes its outbox relay at once: the relay's poll is only a safety net. The
/// host polls once an hour here, so an event can only go out within the test's patience if the
/// commit signalled the relay (the signal interceptor must reach the provider's own context type,
/// which the module registers as its implementation).
/// </summary>
public sealed class OutboxSignalTests : IAsyncLifetime
{
    private readonly MercatoFactory<Program> _factory = new();
    private HttpClient _client = null!;

    /// <inheritdoc />
    public ValueTask InitializeAsync()
    {
        _factory.Settings["Messaging:Relay:PollInterval"] = "01:00:00";
        _client = _factory.CreateClient();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Each_commit_wakes_the_relay_without_waiting_for_its_hourly_poll()
    {
        // The first note may meet the relay's first round at start; the second cannot.
        foreach (var text in new[] { "first signalled note", "second signalled note" })
        {
            var noteId = await _client.CreateNoteAsync(text);
            var row = await MercatoProcess.EventuallyAsync(() => OutboxRowAsync(noteId), r => r?.ProcessedAt is not null, TimeSpan.FromSeconds(30));
            Assert.NotNull(row);
            Assert.Null(row.ParkedAt);
        }
    }

    [Fact]
    public async Task An_idle_relay_sleeps_until_the_next_commit_that_wrote_outbox_rows()
    {
        var relay = _factory.Services.GetRequiredService<OutboxRelay<ProbeDbContext>>();
        var noteId = await _client.CreateNoteAsync("before the quiet");
        await MercatoProcess.EventuallyAsync(() => OutboxRowAsync(noteId), r => r?.ProcessedAt is not null, TimeSpan.FromSeconds(30));

        // The relay's own commit (marking the row published) and the consumer's inbox writes add
        // no outbox row: they must not wake it again, or it would query in a loop while idle.
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        var quiet = relay.Rounds;
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
        Assert.Equal(quiet, relay.Rounds);

        var next = await _client.CreateNoteAsync("after the quiet");
        await MercatoProcess.EventuallyAsync(() => OutboxRowAsync(next), r => r?.ProcessedAt is not null, TimeSpan.FromSeconds(30));
        Assert.True(relay.Rounds > quiet, "the commit of the next note woke the relay");
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    private async Task<OutboxMessage?> OutboxRowAsync(Guid noteId)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ProbeDbContext>().Set<OutboxMessage>().AsNoTracking()
            .SingleOrDefaultAsync(m => m.Payload.Contains(noteId.ToString()));
    }
}
