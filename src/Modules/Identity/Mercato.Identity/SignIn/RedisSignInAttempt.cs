using StackExchange.Redis;

namespace Mercato.Identity.SignIn;

/// <summary>An attempt counted in Redis (<see cref="RedisSignInThrottle"/>).</summary>
internal sealed class RedisSignInAttempt(RedisSignInThrottle throttle, RedisKey[] keys, string address, string account) : SignInAttempt
{
    public override ValueTask<TimeSpan> FailedAsync() => throttle.EndAsync("fail", keys, address, account);

    public override async ValueTask SucceededAsync() => await throttle.EndAsync("succeed", keys, address, account);

    public override async ValueTask AbandonedAsync() => await throttle.EndAsync("abandon", keys, address, account);
}
