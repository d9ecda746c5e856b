namespace Mercato.Identity.SignIn;

/// <summary>One attempt in flight; report how it ended exactly once.</summary>
internal abstract class SignInAttempt
{
    /// <summary>Counts the failure; returns how long the source must now wait (zero while under both limits).</summary>
    public abstract ValueTask<TimeSpan> FailedAsync();

    /// <summary>Forgets the pair's failures (the address's own count stays).</summary>
    public abstract ValueTask SucceededAsync();

    /// <summary>Counts nothing: the attempt ended without an answer on the password (an error).</summary>
    public abstract ValueTask AbandonedAsync();
}
