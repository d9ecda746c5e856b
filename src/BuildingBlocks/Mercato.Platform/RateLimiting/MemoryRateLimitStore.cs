using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Mercato.Platform.RateLimiting;

/// <summary>
/// Budgets in this process's memory (the default store): exact and thread-safe, one lock per client.
/// Memory stays bounded: every <see cref="MemoryRateLimitOptions.SweepInterval"/> the store drops
/// idle clients (forgetting them changes no decision), and when more than
/// <see cref="MemoryRateLimitOptions.MaxPartitions"/> clients are active it drops the least recently
/// seen down to 90% of that, which gives those clients a fresh budget: memory wins over exactness
/// under a flood of distinct clients.
/// </summary>
internal sealed class MemoryRateLimitStore(TimeProvider time, IOptions<RateLimitingOptions> options) : IRateLimitStore
{
    private readonly ConcurrentDictionary<string, Partition> _partitions = new(StringComparer.Ordinal);
    private readonly MemoryRateLimitOptions _options = options.Value.Memory;
    private long _count;
    private long _nextSweep = long.MinValue;
    private int _sweeping;

    /// <summary>Clients currently tracked.</summary>
    public long Count => Interlocked.Read(ref _count);

    public ValueTask<RateLimitDecision> AcquireAsync(string key, RateLimitPlan plan, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        RateLimitDecision decision;
        while (true)
        {
            var partition = GetOrAdd(key);
            lock (partition)
            {
                // A sweep removed this partition after we found it: take the one now in the dictionary.
                if (partition.Evicted)
                {
                    continue;
                }

                partition.Plan = plan;
                partition.LastSeen = now;
                decision = RateLimitDecision.From(plan, now, partition.State.Consume(plan, now));
            }

            break;
        }

        SweepIfDue(now);
        return ValueTask.FromResult(decision);
    }

    /// <summary>Drops idle clients, then the least recently seen while more than allowed are tracked.</summary>
    internal void Sweep(long now)
    {
        foreach (var (key, partition) in _partitions)
        {
            lock (partition)
            {
                // A partition not yet used (its creator is about to take the lock) is not idle.
                if (partition.State.Exists && partition.State.IsIdle(partition.Plan, now))
                {
                    Remove(key, partition);
                }
            }
        }

        if (Count <= _options.MaxPartitions)
        {
            return;
        }

        var excess = Count - (_options.MaxPartitions - (_options.MaxPartitions / 10));
        var oldest = _partitions.OrderBy(e => Volatile.Read(ref e.Value.LastSeen)).Take((int)excess).ToList();
        foreach (var (key, partition) in oldest)
        {
            lock (partition)
            {
                Remove(key, partition);
            }
        }
    }

    private Partition GetOrAdd(string key)
    {
        if (_partitions.TryGetValue(key, out var existing))
        {
            return existing;
        }

        var created = new Partition();
        var partition = _partitions.GetOrAdd(key, created);
        if (ReferenceEquals(partition, created))
        {
            Interlocked.Increment(ref _count);
        }

        return partition;
    }

    private void Remove(string key, Partition partition)
    {
        if (!partition.Evicted && _partitions.TryRemove(KeyValuePair.Create(key, partition)))
        {
            partition.Evicted = true;
            Interlocked.Decrement(ref _count);
        }
    }

    private void SweepIfDue(long now)
    {
        if ((now < Interlocked.Read(ref _nextSweep) && Count <= _options.MaxPartitions)
            || Interlocked.CompareExchange(ref _sweeping, 1, 0) != 0)
        {
            return;
        }

        try
        {
            Interlocked.Exchange(ref _nextSweep, now + (long)_options.SweepInterval.TotalMilliseconds);
            Sweep(now);
        }
        finally
        {
            Volatile.Write(ref _sweeping, 0);
        }
    }

    private sealed class Partition
    {
        public RateLimitState State;
        public RateLimitPlan Plan = null!;
        public long LastSeen;
        public bool Evicted;
    }
}
