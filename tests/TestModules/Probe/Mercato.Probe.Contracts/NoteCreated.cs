using Mercato.Messaging.Events;

namespace Mercato.Probe.Contracts;

/// <summary>A note was written in the Probe module.</summary>
/// <param name="NoteId">The note's id.</param>
/// <param name="Text">Its text.</param>
[EventName("probe.note-created.v1")]
public sealed record NoteCreated(Guid NoteId, string Text) : IntegrationEvent;
