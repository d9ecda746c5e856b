using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Mercato.Identity.SignIn;

/// <summary>
/// Counts failed sign-ins per (source address, account) and per source address, and makes a
/// source that keeps failing wait: from the failure that reaches a limit it is refused for
/// <see cref="LockoutPolicyOptions.Delay"/>, doubling with each further failure up to
/// <see cref="LockoutPolicyOptions.Duration"/>. Only that source waits: the same account signs in
/// from anywhere else, so a stranger cannot lock a victim out. An unknown account is counted
/// exactly like a known one, so the answers never tell which accounts exist. Failures are
/// forgotten <see cref="LockoutPolicyOptions.Duration"/> after the last one, and a pair's when
/// that pair signs in.
/// </summary>
/// <remarks>
/// Attempts in flight are counted when they start, so a burst of parallel guesses cannot run past
/// a limit. The counts live in this process's memory: with several Identity replicas, an attacker
/// spread over all of them gets at most that many times the attempts before waiting.
/// </remarks>
internal sealed class SignInThrottle(IOptions<IdentitySettings> settings, TimeProvider time)
{
    private const int SweepAbove = 10_000;
    private readonly ConcurrentDictionary<string, SignInCounter> _counters = new(StringComparer.Ordinal);

    /// <summary>
    /// Starts an attempt from <paramref name="address"/> on <paramref name="account"/> (an account
    /// id, or the normalised identifier when no account has it), or refuses it with the wait.
    /// </summary>
    public SignInAttempt? TryBegin(string address, string account, out TimeSpan wait)
    {
        var policy = settings.Value.Lockout;
        var now = time.GetUtcNow();
        SweepIfLarge(now, policy);
        var pair = _counters.GetOrAdd(address + "\n" + account, static _ => new SignInCounter());
        var perAddress = _counters.GetOrAdd(address, static _ => new SignInCounter());
        if (!pair.TryBegin(policy.MaxFailedAttempts, policy, now, out wait))
        {
            return null;
        }

        if (!perAddress.TryBegin(policy.MaxFailedAttemptsPerAddress, policy, now, out wait))
        {
            pair.Cancel();
            return null;
        }

        return new SignInAttempt(this, pair, perAddress);
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
