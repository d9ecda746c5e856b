namespace Mercato.Platform.Idempotency;

/// <summary>Where an idempotent request stands.</summary>
public enum IdempotencyState
{
    /// <summary>The key is reserved and the handler is running (or its process died while running it).</summary>
    InProgress,

    /// <summary>The handler finished; the stored response is replayed for the same key and request.</summary>
    Completed,
}
