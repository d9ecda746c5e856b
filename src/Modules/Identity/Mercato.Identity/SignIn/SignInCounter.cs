namespace Mercato.Identity.SignIn;

/// <summary>Failures and attempts in flight of one throttled key (an address, or an address and account).</summary>
internal sealed class SignInCounter
{
    private readonly Lock _gate = new();
    private int _failures;
    private int _pending;
    private DateTimeOffset _lastFailure = DateTimeOffset.MinValue;
    private DateTimeOffset _blockedUntil = DateTimeOffset.MinValue;

    public bool TryBegin(int limit, LockoutPolicyOptions policy, DateTimeOffset now, out TimeSpan wait)
    {
        lock (_gate)
        {
            if (_pending == 0 && now - _lastFailure > policy.Duration)
            {
                _failures = 0;
            }

            if (_blockedUntil > now)
            {
                wait = _blockedUntil - now;
                return false;
            }

            // Under the limit, attempts in flight count as failures to come; past it (the
            // wait is over) one attempt at a time, each failure doubling the next wait.
            var allowed = _failures < limit ? _failures + _pending < limit : _pending == 0;
            if (!allowed)
            {
                wait = policy.Delay;
                return false;
            }

            _pending++;
            wait = TimeSpan.Zero;
            return true;
        }
    }

    public TimeSpan Fail(int limit, LockoutPolicyOptions policy, DateTimeOffset now)
    {
        lock (_gate)
        {
            _pending--;
            _failures++;
            _lastFailure = now;
            if (_failures < limit)
            {
                return TimeSpan.Zero;
            }

            var wait = TimeSpan.FromTicks(Math.Min(policy.Delay.Ticks << Math.Min(_failures - limit, 20), policy.Duration.Ticks));
            _blockedUntil = now + wait;
            return wait;
        }
    }

    public void Cancel()
    {
        lock (_gate)
        {
            _pending--;
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _pending--;
            _failures = 0;
            _blockedUntil = DateTimeOffset.MinValue;
        }
    }

    public bool IsForgotten(DateTimeOffset now, LockoutPolicyOptions policy)
    {
        lock (_gate)
        {
            return _pending == 0 && _blockedUntil <= now && now - _lastFailure > policy.Duration;
        }
    }
}
