using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Mercato.Identity.SignIn;

/// <summary>
/// The sign-in counts in this process's memory (embedded mode, and distributed mode's fallback
/// while Redis is unreachable): see <see cref="ISignInThrottle"/> for the rule. With several
/// processes each keeps its own counts, so an attacker spread over them gets at most that many
/// times the attempts before waiting, and a restart forgets them.
/// </summary>
internal sealed class MemorySignInThrottle(IOptions<IdentitySettings> settings, TimeProvider time) : ISignInThrottle
{
    private const int SweepAbove = 10_000;
    private readonly ConcurrentDictionary<string, SignInCounter> _counters = new(StringComparer.Ordinal);

    public ValueTask<SignInStart> TryBeginAsync(string address, string account) => ValueTask.FromResult(TryBegin(address, account));

    private SignInStart TryBegin(string address, string account)
    {
        var policy = settings.Value.Lockout;
        var now = time.GetUtcNow();
        SweepIfLarge(now, policy);
        var pair = _counters.GetOrAdd(address + "\n" + account, static _ => new SignInCounter());
        var perAddress = _counters.GetOrAdd(address, static _ => new SignInCounter());
        if (!pair.TryBegin(policy.MaxFailedAttempts, policy, now, out var wait))
        {
            return SignInStart.Refused(wait);
        }

        if (!perAddress.TryBegin(policy.MaxFailedAttemptsPerAddress, policy, now, out wait))
        {
            pair.Cancel();
            return SignInStart.Refused(wait);
        }

        return new SignInStart(new MemorySignInAttempt(this, pair, perAddress), TimeSpan.Zero);
    }

    internal TimeSpan Fail(SignInCounter pair, SignInCounter perAddress)
    {
        var policy = settings.Value.Lockout;
        var now = time.GetUtcNow();
        var pairWait = pair.Fail(policy.MaxFailedAttempts, policy, now);
        var addressWait = perAddress.Fail(policy.MaxFailedAttemptsPerAddress, policy, now);
        return pairWait > addressWait ? pairWait : addressWait;
    }

    private void SweepIfLarge(DateTimeOffset now, LockoutPolicyOptions policy)
    {
        if (_counters.Count <= SweepAbove)
        {
            return;
        }

        foreach (var (key, counter) in _counters)
        {
            if (counter.IsForgotten(now, policy))
            {
                _counters.TryRemove(key, out _);
            }
        }
    }
}
