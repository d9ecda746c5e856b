using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Mercato.Platform.RateLimiting;

/// <summary>
/// Budgets in Redis, shared by every process with the same key prefix. Each request runs one Lua
/// script that reads, applies <see cref="RateLimitState.Consume"/>'s rule and writes back, so the
/// check is atomic across processes. One hash per client (<c>{prefix}{key}</c>) expires once it is
/// idle. The time comes from the calling process's <see cref="TimeProvider"/>; a process whose
/// clock lags never moves a window or a refill backwards.
/// </summary>
/// <remarks>
/// When Redis cannot be reached the store fails open: the request is allowed, the decision carries
/// no remaining count, and a warning is logged (at most every 10 seconds). The connection is the
/// process's <see cref="SharedRedis"/>, whose commands fail fast while disconnected.
/// </remarks>
internal sealed partial class RedisRateLimitStore : IRateLimitStore
{
    // KEYS[1] the client's hash; ARGV: now (ms), limit, window (ms), burst. Mirrors RateLimitState.Consume.
    private const string Script = """
        local now = tonumber(ARGV[1])
        local limit = tonumber(ARGV[2])
        local window = tonumber(ARGV[3])
        local capacity = tonumber(ARGV[4]) * window
        local windowStart = now - (now % window)
        local count = 0
        local tokens = capacity
        local updated = now
        local state = redis.call('HMGET', KEYS[1], 'w', 'c', 't', 'u')
        if state[1] then
          local storedStart = tonumber(state[1])
          if storedStart >= windowStart then
            windowStart = storedStart
            count = tonumber(state[2])
          end
          local storedAt = tonumber(state[4])
          local elapsed = math.min(math.max(now - storedAt, 0), math.ceil(capacity / limit))
          tokens = math.min(capacity, tonumber(state[3]) + elapsed * limit)
          updated = math.max(now, storedAt)
        end
        local allowed = 0
        if count < limit and tokens >= window then
          allowed = 1
          count = count + 1
          tokens = tokens - window
        end
        redis.call('HSET', KEYS[1], 'w', windowStart, 'c', count, 't', tokens, 'u', updated)
        local idleIn = math.max(windowStart + window - now, math.ceil((capacity - tokens) / limit))
        redis.call('PEXPIRE', KEYS[1], idleIn + 1000)
        return { allowed, windowStart, count, tokens }
        """;

    private readonly SharedRedis _redis;
    private readonly TimeProvider _time;
    private readonly ILogger<RedisRateLimitStore> _logger;
    private readonly OutageWarning _warning = new();

    public RedisRateLimitStore(SharedRedis redis, TimeProvider time, ILogger<RedisRateLimitStore> logger)
    {
        _redis = redis;
        _time = time;
        _logger = logger;
    }

    public async ValueTask<RateLimitDecision> AcquireAsync(string key, RateLimitPlan plan, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        try
        {
            var database = await _redis.DatabaseAsync();
            var result = (RedisResult[])(await database.ScriptEvaluateAsync(
                Script,
                [new RedisKey(_redis.KeyPrefix + key)],
                [now, plan.Limit, plan.WindowMilliseconds, plan.Burst]))!;
            var outcome = new RateLimitOutcome((long)result[0] == 1, (long)result[1], (long)result[2], (long)result[3]);
            return RateLimitDecision.From(plan, now, outcome);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            WarnUnavailable(ex, now);
            return RateLimitDecision.Unavailable(plan, now);
        }
    }

    private void WarnUnavailable(Exception exception, long now)
    {
        if (_warning.IsDue(now))
        {
            LogUnavailable(_logger, exception);
        }
    }

    [LoggerMessage(EventId = 1400, Level = LogLevel.Warning,
        Message = "Rate-limit store Redis is unavailable; allowing requests without limits until it is back")]
    private static partial void LogUnavailable(ILogger logger, Exception exception);
}
