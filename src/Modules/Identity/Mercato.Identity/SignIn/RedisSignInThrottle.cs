using Mercato.Platform.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Mercato.Identity.SignIn;

/// <summary>
/// The sign-in counts in Redis (distributed mode), shared by every Identity replica with the same
/// <c>RateLimiting:Redis:KeyPrefix</c> and kept across restarts: the rule of
/// <see cref="ISignInThrottle"/>, run by one Lua script per step so that reading, deciding and
/// writing both counters (the pair's and the address's) is atomic across processes. Each counter
/// is a hash (<c>{prefix}signin:{address}</c> and <c>{prefix}signin:{address}:{account}</c>, the
/// address as hash tag so both sit in one cluster slot) that expires once it no longer matters:
/// when the wait is over and the failures are forgotten. The time comes from the calling process's
/// <see cref="TimeProvider"/>. An attempt in flight that never reports (its process died) stops
/// counting after <see cref="StalePending"/>.
/// </summary>
/// <remarks>
/// When Redis cannot be reached, sign-in neither fails nor runs unthrottled: the attempt is counted
/// by this process's <see cref="MemorySignInThrottle"/> instead (each replica then allows its own
/// budget, as in memory mode) and a warning is logged, at most every 10 seconds. When Redis is back
/// its counts apply again.
/// </remarks>
internal sealed partial class RedisSignInThrottle(
    SharedRedis redis,
    MemorySignInThrottle fallback,
    IOptions<IdentitySettings> settings,
    TimeProvider time,
    ILogger<RedisSignInThrottle> logger) : ISignInThrottle
{
    /// <summary>How long an attempt in flight counts when it never reports how it ended.</summary>
    internal static readonly TimeSpan StalePending = TimeSpan.FromSeconds(30);

    // KEYS[1] the pair's hash, KEYS[2] the address's. ARGV: step, now (ms), pair limit, address
    // limit, delay (ms), duration (ms), stale (ms). Fields: f failures, p in flight, t when the
    // last began, l last failure, b blocked until. Mirrors SignInCounter.
    private const string Script = """
        local step = ARGV[1]
        local now = tonumber(ARGV[2])
        local limits = { tonumber(ARGV[3]), tonumber(ARGV[4]) }
        local delay = tonumber(ARGV[5])
        local duration = tonumber(ARGV[6])
        local stale = tonumber(ARGV[7])
        local counters = {}
        for i = 1, 2 do
          local s = redis.call('HMGET', KEYS[i], 'f', 'p', 't', 'l', 'b')
          local c = { f = tonumber(s[1]) or 0, p = tonumber(s[2]) or 0, t = tonumber(s[3]) or 0, l = tonumber(s[4]) or 0, b = tonumber(s[5]) or 0 }
          if c.p > 0 and now - c.t > stale then c.p = 0 end
          if c.p == 0 and now - c.l > duration then c.f = 0 end
          counters[i] = c
        end
        local function save()
          for i = 1, 2 do
            local c = counters[i]
            if c.f == 0 and c.p == 0 and c.b <= now then
              redis.call('DEL', KEYS[i])
            else
              redis.call('HSET', KEYS[i], 'f', c.f, 'p', c.p, 't', c.t, 'l', c.l, 'b', c.b)
              local ttl = math.max(c.b - now, c.l + duration - now, 0)
              if c.p > 0 then ttl = math.max(ttl, stale) end
              redis.call('PEXPIRE', KEYS[i], math.floor(ttl) + 1000)
            end
          end
        end
        local wait = 0
        if step == 'begin' then
          for i = 1, 2 do
            local c = counters[i]
            if c.b > now then return c.b - now end
            local allowed
            if c.f < limits[i] then allowed = c.f + c.p < limits[i] else allowed = c.p == 0 end
            if not allowed then return delay end
          end
          for i = 1, 2 do
            counters[i].p = counters[i].p + 1
            counters[i].t = now
          end
        elseif step == 'fail' then
          for i = 1, 2 do
            local c = counters[i]
            c.p = math.max(c.p - 1, 0)
            c.f = c.f + 1
            c.l = now
            if c.f >= limits[i] then
              local w = math.min(delay * 2 ^ math.min(c.f - limits[i], 20), duration)
              c.b = now + w
              wait = math.max(wait, w)
            end
          end
        else
          for i = 1, 2 do
            counters[i].p = math.max(counters[i].p - 1, 0)
          end
          if step == 'succeed' then
            counters[1].f = 0
            counters[1].b = 0
          end
        end
        save()
        return wait
        """;

    private readonly OutageWarning _warning = new();

    public async ValueTask<SignInStart> TryBeginAsync(string address, string account)
    {
        var keys = Keys(address, account);
        try
        {
            var wait = await RunAsync("begin", keys);
            return wait > TimeSpan.Zero ? SignInStart.Refused(wait) : new SignInStart(new RedisSignInAttempt(this, keys, address, account), TimeSpan.Zero);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            WarnUnavailable(ex);
            return await fallback.TryBeginAsync(address, account);
        }
    }

    /// <summary>Reports how an attempt ended; a failure Redis could not take is counted in memory instead.</summary>
    internal async ValueTask<TimeSpan> EndAsync(string step, RedisKey[] keys, string address, string account)
    {
        try
        {
            return await RunAsync(step, keys);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            WarnUnavailable(ex);
            if (step != "fail")
            {
                return TimeSpan.Zero;
            }

            var start = await fallback.TryBeginAsync(address, account);
            return start.Attempt is { } attempt ? await attempt.FailedAsync() : start.Wait;
        }
    }

    private RedisKey[] Keys(string address, string account)
    {
        var perAddress = $"{redis.KeyPrefix}signin:{{{address}}}";
        return [new RedisKey(perAddress + ":" + account), new RedisKey(perAddress)];
    }

    private async Task<TimeSpan> RunAsync(string step, RedisKey[] keys)
    {
        var policy = settings.Value.Lockout;
        var database = await redis.DatabaseAsync();
        var result = await database.ScriptEvaluateAsync(
            Script,
            keys,
            [
                step,
                time.GetUtcNow().ToUnixTimeMilliseconds(),
                policy.MaxFailedAttempts,
                policy.MaxFailedAttemptsPerAddress,
                (long)policy.Delay.TotalMilliseconds,
                (long)policy.Duration.TotalMilliseconds,
                (long)StalePending.TotalMilliseconds,
            ]);
        return TimeSpan.FromMilliseconds((long)result);
    }

    private void WarnUnavailable(Exception exception)
    {
        if (_warning.IsDue(time.GetUtcNow().ToUnixTimeMilliseconds()))
        {
            LogUnavailable(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Sign-in throttle Redis is unavailable; counting failed sign-ins in this process's memory until it is back")]
    private static partial void LogUnavailable(ILogger logger, Exception exception);
}
