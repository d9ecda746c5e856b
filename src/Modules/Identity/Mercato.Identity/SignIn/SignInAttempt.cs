namespace Mercato.Identity.SignIn;

/// <summary>One attempt in flight; report how it ended exactly once.</summary>
internal sealed class SignInAttempt
{
    private readonly SignInThrottle _throttle;
    private readonly SignInCounter _pair;
    private readonly SignInCounter _perAddress;

    internal SignInAttempt(SignInThrottle throttle, SignInCounter pair, SignInCounter perAddress)
    {
        _throttle = throttle;
        _pair = pair;
        _perAddress = perAddress;
    }

    /// <summary>Counts the failure; returns how long the source must now wait (zero while under both limits).</summary>
    public TimeSpan Failed() => _throttle.Fail(_pair, _perAddress);

    /// <summary>Forgets the pair's failures (the address's own count stays).</summary>
    public void Succeeded()
    {
        _pair.Reset();
        _perAddress.Cancel();
    }

    /// <summary>Counts nothing: the attempt ended without an answer on the password (an error).</summary>
    public void Abandoned()
    {
        _pair.Cancel();
        _perAddress.Cancel();
    }
}
