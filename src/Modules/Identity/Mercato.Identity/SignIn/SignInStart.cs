namespace Mercato.Identity.SignIn;

/// <summary>How <see cref="ISignInThrottle.TryBeginAsync"/> answered.</summary>
/// <param name="Attempt">The attempt now in flight, or null when the source must wait.</param>
/// <param name="Wait">How long the source must wait when refused; zero otherwise.</param>
internal readonly record struct SignInStart(SignInAttempt? Attempt, TimeSpan Wait)
{
    /// <summary>A refusal: the source must wait <paramref name="wait"/>.</summary>
    public static SignInStart Refused(TimeSpan wait) => new(null, wait);
}
