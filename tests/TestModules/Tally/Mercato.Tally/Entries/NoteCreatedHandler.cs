using Mercato.Messaging.Events;
using Mercato.Probe.Contracts;
using Mercato.Tally.Data;

namespace Mercato.Tally.Entries;

/// <summary>Counts each NoteCreated, at once.</summary>
public sealed class NoteCreatedHandler(TallyDbContext db, TimeProvider time) : IIntegrationEventHandler<NoteCreated>
{
    /// <inheritdoc />
    public async Task HandleAsync(NoteCreated integrationEvent, CancellationToken cancellationToken)
    {
        db.Entries.Add(new TallyEntry
        {
            Id = Guid.CreateVersion7(),
            EventId = integrationEvent.Id,
            NoteId = integrationEvent.NoteId,
            ReceivedAt = time.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
