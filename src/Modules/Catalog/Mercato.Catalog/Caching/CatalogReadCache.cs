using System.Text.Json;
using Mercato.Catalog.Categories;
using Mercato.Catalog.Data;
using Mercato.Catalog.Products;
using Mercato.Platform.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ZiggyCreatures.Caching.Fusion;
using ZiggyCreatures.Caching.Fusion.Backplane.StackExchangeRedis;
using ZiggyCreatures.Caching.Fusion.Serialization.SystemTextJson;

namespace Mercato.Catalog.Caching;

/// <summary>
/// The Catalog's server-side cache (FusionCache): anonymous read answers and the category tree in
/// memory and, in distributed mode (<see cref="SharedRedis.InUse"/>), also in Redis, with tag
/// evictions published on a Redis backplane so every replica drops what a write changed at once.
/// <para>
/// A read that ran while a write committed could otherwise store what it read before the commit
/// after the write's eviction. So the cache counts evictions (its own and those other replicas
/// announce) and a read stores its answer only when none happened since it started.
/// </para>
/// </summary>
internal sealed class CatalogReadCache : IDisposable
{
    private const string TreeKey = "category-tree";
    private const string AnswerPrefix = "read:";
    private const string CountPrefix = "count:";
    private const string SummaryPrefix = "summary:";

    private readonly FusionCache _cache;
    private readonly FusionCacheEntryOptions _entries;
    private readonly FusionCacheEntryOptions _evictions;
    private long _generation;

    /// <summary>Sets the cache up, on Redis when the process shares state through it.</summary>
    public CatalogReadCache(IOptions<CatalogCacheOptions> options, SharedRedis redis, ILoggerFactory loggers)
    {
        Enabled = options.Value.Enabled;
        _entries = new FusionCacheEntryOptions { Duration = options.Value.Duration };
        // An eviction is done when the write answers: Redis and the other replicas are told before.
        _evictions = new FusionCacheEntryOptions { AllowBackgroundDistributedCacheOperations = false, AllowBackgroundBackplaneOperations = false };
        var prefix = redis.KeyPrefix + "catalog-cache:";
        _cache = new FusionCache(
            new FusionCacheOptions { CacheName = "catalog", CacheKeyPrefix = prefix, BackplaneChannelPrefix = prefix + "backplane", WaitForInitialBackplaneSubscribe = true },
            logger: loggers.CreateLogger<FusionCache>());
        if (redis.InUse)
        {
            _cache.SetupDistributedCache(
                new RedisCache(Options.Create(new RedisCacheOptions { ConnectionMultiplexerFactory = redis.ConnectionAsync })),
                // Fields included, as .NET's HybridCache does: value tuples (Item1, Item2) are
                // fields, and FusionCache checks at setup that they survive the round trip.
                new FusionCacheSystemTextJsonSerializer(new JsonSerializerOptions { IncludeFields = true }));
            _cache.SetupBackplane(new RedisBackplane(
                Options.Create(new RedisBackplaneOptions { ConnectionMultiplexerFactory = redis.ConnectionAsync }),
                loggers.CreateLogger<RedisBackplane>()));
            _cache.Events.Backplane.MessageReceived += (_, _) => Interlocked.Increment(ref _generation);
        }
    }

    /// <summary>Whether read answers are cached (<see cref="CatalogCacheOptions.Enabled"/>).</summary>
    public bool Enabled { get; }

    /// <summary>How many evictions this replica has seen; a read notes it before it starts.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>The cached answer under <paramref name="key"/>, or null.</summary>
    public async ValueTask<CachedRead?> AnswerAsync(string key, CancellationToken cancellationToken)
    {
        var found = await _cache.TryGetAsync<CachedRead>(AnswerPrefix + key, token: cancellationToken);
        return found.HasValue ? found.Value : null;
    }

    /// <summary>Keeps an answer read since <paramref name="generation"/>, unless an eviction happened meanwhile.</summary>
    public async ValueTask KeepAnswerAsync(string key, CachedRead answer, IEnumerable<string> tags, long generation, CancellationToken cancellationToken)
    {
        await KeepAsync(AnswerPrefix + key, answer, tags, generation, cancellationToken);
    }

    /// <summary>
    /// How many products match a list's filter (<paramref name="filterKey"/>), counted by
    /// <paramref name="count"/> when not known. Every page and sort of one filter shares it, so a
    /// list read that misses the answer cache need not count the matches again; like the lists it
    /// is evicted by every write that can change a list's membership. Counted every time when
    /// reads are not cached.
    /// </summary>
    public async Task<long> ListCountAsync(string filterKey, bool stockFiltered, Func<CancellationToken, Task<long>> count, CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            return await count(cancellationToken);
        }

        var key = CountPrefix + filterKey;
        var found = await _cache.TryGetAsync<long>(key, token: cancellationToken);
        if (found.HasValue)
        {
            return found.Value;
        }

        var generation = Generation;
        var total = await count(cancellationToken);
        string[] tags = stockFiltered
            ? [CatalogCacheTags.All, CatalogCacheTags.Lists, CatalogCacheTags.StockLists]
            : [CatalogCacheTags.All, CatalogCacheTags.Lists];
        await KeepAsync(key, total, tags, generation, cancellationToken);
        return total;
    }

    /// <summary>
    /// The list items of the products <paramref name="ids"/>: those kept in the cache, and the
    /// others read at once by <paramref name="read"/> (shown products only) and kept, each tagged
    /// with its product so that any write of it (an edit, a stock move, a review) evicts it. Read
    /// every time when reads are not cached.
    /// </summary>
    public async Task<Dictionary<Guid, ProductSummaryResponse>> SummariesAsync(
        IReadOnlyCollection<Guid> ids, Func<List<Guid>, CancellationToken, Task<Dictionary<Guid, ProductSummaryResponse>>> read,
        CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            return await read([.. ids], cancellationToken);
        }

        var summaries = new Dictionary<Guid, ProductSummaryResponse>(ids.Count);
        var missing = new List<Guid>();
        foreach (var id in ids)
        {
            var found = await _cache.TryGetAsync<ProductSummaryResponse>(SummaryPrefix + id.ToString("N"), token: cancellationToken);
            if (found.HasValue)
            {
                summaries[id] = found.Value;
            }
            else
            {
                missing.Add(id);
            }
        }

        if (missing.Count > 0)
        {
            var generation = Generation;
            foreach (var (id, summary) in await read(missing, cancellationToken))
            {
                summaries[id] = summary;
                await KeepAsync(SummaryPrefix + id.ToString("N"), summary, [CatalogCacheTags.All, CatalogCacheTags.Product(id)], generation, cancellationToken);
            }
        }

        return summaries;
    }

    /// <summary>
    /// Every category, loaded once and kept until a category is written (whatever
    /// <see cref="Enabled"/> says: the tree is part of every product list).
    /// </summary>
    public async Task<List<Category>> CategoriesAsync(CatalogDbContext db, CancellationToken cancellationToken)
    {
        var found = await _cache.TryGetAsync<List<Category>>(TreeKey, token: cancellationToken);
        if (found.HasValue)
        {
            return found.Value;
        }

        var generation = Generation;
        var categories = await db.Categories.AsNoTracking().ToListAsync(cancellationToken);
        await KeepAsync(TreeKey, categories, [CatalogCacheTags.All], generation, cancellationToken);
        return categories;
    }

    /// <summary>
    /// Stores a value read since <paramref name="generation"/>. An eviction that began before the
    /// value is stored may be older than it and so miss it: the value is then removed again.
    /// </summary>
    private async ValueTask KeepAsync<T>(string key, T value, IEnumerable<string> tags, long generation, CancellationToken cancellationToken)
    {
        if (generation != Generation)
        {
            return;
        }

        await _cache.SetAsync(key, value, _entries, tags, cancellationToken);
        if (generation != Generation)
        {
            await _cache.RemoveAsync(key, _evictions, cancellationToken);
        }
    }

    /// <summary>Evicts every entry carrying one of <paramref name="tags"/>, here and on every replica.</summary>
    public async ValueTask EvictAsync(IReadOnlyCollection<string> tags, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _generation);
        await _cache.RemoveByTagAsync(tags, _evictions, cancellationToken);
        Interlocked.Increment(ref _generation);
    }

    /// <inheritdoc cref="EvictAsync"/>
    public void Evict(IReadOnlyCollection<string> tags)
    {
        Interlocked.Increment(ref _generation);
        _cache.RemoveByTag(tags, _evictions);
        Interlocked.Increment(ref _generation);
    }

    /// <inheritdoc />
    public void Dispose() => _cache.Dispose();
}
