using Mercato.Platform.Envelope;

namespace Mercato.Messaging.Operations;

/// <summary>
/// The dead-letter queues of the modules hosted here (RabbitMQ only: the in-process transport
/// has none, it parks failed copies in the consumer queue instead). Peeking leaves every message
/// in place; replaying moves messages back to the module's queue; discarding removes one.
/// </summary>
internal interface IDeadLetterQueues
{
    /// <summary>Whether <paramref name="module"/> consumes events in this process (and so has a dead-letter queue).</summary>
    bool Consumes(string module);

    /// <summary>A page of the messages at the head of the module's dead-letter queue, left in place.</summary>
    Task<PagedResult<DeadLetterResponse>> PeekAsync(string module, int pageNumber, int pageSize, CancellationToken cancellationToken);

    /// <summary>Moves the message with this id (or every message, when null) back to the module's queue; returns how many.</summary>
    Task<int> ReplayAsync(string module, string? messageId, CancellationToken cancellationToken);

    /// <summary>Removes the message with this id; returns how many (0 or 1).</summary>
    Task<int> DiscardAsync(string module, string messageId, CancellationToken cancellationToken);
}
