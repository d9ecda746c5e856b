using Mercato.Messaging.Outbox;
using Mercato.Probe.Data;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Messaging.Tests.InProcess;

/// <summary>
/// The TestHost (Probe, Audit and Tally in one process, in-process transport) over private SQLite
/// files. The Audit handler fails the first two times it sees each event, and always for notes
/// containing <see cref="Poison"/>; its queue retries quickly and parks after four attempts.
/// </summary>
public sealed class InProcessHost : IAsyncLifetime
{
    /// <summary>Notes whose text contains this fail in the Audit handler every time.</summary>
    public const string Poison = "poison";

    /// <summary>Failed attempts after which the relay parks a row.</summary>
    public const int MaxAttempts = 4;

    /// <summary>The in-memory server.</summary>
    public MercatoFactory<Program> Factory { get; } = new();

    /// <summary>A client of the server.</summary>
    public HttpClient Client { get; private set; } = null!;

    /// <inheritdoc />
    public ValueTask InitializeAsync()
    {
        Factory.Settings["Audit:FailFirstAttempts"] = "2";
        Factory.Settings["Audit:AlwaysFailMarker"] = Poison;
        Factory.Settings["Messaging:Relay:BaseDelay"] = "00:00:00.050";
        Factory.Settings["Messaging:Relay:PollInterval"] = "00:00:00.200";
        Factory.Settings["Messaging:Relay:MaxAttempts"] = MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Client = Factory.CreateClient();
        return ValueTask.CompletedTask;
    }

    /// <summary>Runs <paramref name="work"/> against the Probe module's own database.</summary>
    public async Task<T> WithProbeDbAsync<T>(Func<ProbeDbContext, Task<T>> work)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<ProbeDbContext>());
    }

    /// <summary>The outbox row of the NoteCreated event of a note, if any.</summary>
    public Task<OutboxMessage?> OutboxRowForNoteAsync(Guid noteId) =>
        WithProbeDbAsync(db => db.Set<OutboxMessage>().AsNoTracking()
            .SingleOrDefaultAsync(m => m.Payload.Contains(noteId.ToString())));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
    }
}
