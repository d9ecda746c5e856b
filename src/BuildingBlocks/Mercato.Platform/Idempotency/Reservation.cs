namespace Mercato.Platform.Idempotency;

/// <summary>What trying to reserve a key found.</summary>
internal enum ReservationOutcome
{
    /// <summary>This request holds the key and must run the handler.</summary>
    Reserved,

    /// <summary>The same request already completed: replay its response.</summary>
    Replay,

    /// <summary>The key was used with a different request.</summary>
    Mismatch,

    /// <summary>The same request is still running elsewhere.</summary>
    InProgress,
}

/// <summary>The outcome of a reservation attempt.</summary>
/// <param name="Outcome">What was found.</param>
/// <param name="LockToken">The token that proves ownership when <see cref="ReservationOutcome.Reserved"/>.</param>
/// <param name="Existing">The stored record when the outcome is <see cref="ReservationOutcome.Replay"/>.</param>
/// <param name="TookOver">Whether an expired or abandoned record was taken over.</param>
internal sealed record Reservation(ReservationOutcome Outcome, Guid LockToken = default, IdempotencyRecord? Existing = null, bool TookOver = false);
