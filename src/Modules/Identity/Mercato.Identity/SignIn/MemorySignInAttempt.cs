namespace Mercato.Identity.SignIn;

/// <summary>An attempt counted in this process's memory (<see cref="MemorySignInThrottle"/>).</summary>
internal sealed class MemorySignInAttempt(MemorySignInThrottle throttle, SignInCounter pair, SignInCounter perAddress) : SignInAttempt
{
    public override ValueTask<TimeSpan> FailedAsync() => ValueTask.FromResult(throttle.Fail(pair, perAddress));

    public override ValueTask SucceededAsync()
    {
        pair.Reset();
        perAddress.Cancel();
        return ValueTask.CompletedTask;
    }

    public override ValueTask AbandonedAsync()
    {
        pair.Cancel();
        perAddress.Cancel();
        return ValueTask.CompletedTask;
    }
}
