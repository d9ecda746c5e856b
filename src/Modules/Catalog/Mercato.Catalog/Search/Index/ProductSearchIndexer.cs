using System.Diagnostics;
using System.Globalization;
using Mercato.Catalog.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mercato.Platform.Hosting;
using Microsoft.Extensions.Logging;

namespace Mercato.Catalog.Search.Index;

/// <summary>
/// Keeps this process's product index in step with the database. On start it opens the index
/// named by the <c>current</c> file under its root (<c>&lt;Persistence:DataDirectory&gt;/search/catalog</c>),
/// or, when that is missing, unreadable or of another schema version, builds a fresh one in the
/// background (on a thread of its own) while the database engine answers searches. Then, every
/// <c>Catalog:Search:RefreshInterval</c> and at once after a write of this process
/// (<see cref="CatalogChanged"/>, from <see cref="CatalogWriteInterceptor"/>), it reads the products whose <c>UpdatedAt</c> is after its
/// checkpoint (every write path of the module sets <c>UpdatedAt</c>
/// and <c>Version</c>; the <c>IX_catalog_products_changes</c> index serves the read), plus those
/// changed within <see cref="Overlap"/> before now, re-reads those whose version it has not
/// applied yet, updates or deletes their documents and reopens the searcher. The overlap catches
/// writes that committed later than their <c>UpdatedAt</c> says (concurrent transactions, small
/// clock differences between replicas). A rebuild on demand
/// (<see cref="RequestRebuild"/>) fills a new folder while the old index keeps serving and
/// following the feed, catches up, then swaps.
/// </summary>
internal sealed partial class ProductSearchIndexer(
    string root, TimeSpan interval, IServiceScopeFactory scopes, TimeProvider time, ILogger<ProductSearchIndexer> logger) : PeriodicJob(time, logger)
{
    /// <summary>How far behind its checkpoint the change feed reads again.</summary>
    public static readonly TimeSpan Overlap = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The tag (an SQL comment) on the change feed's statements, so an operator (and a test)
    /// can tell the indexer's background reads from the requests' reads in a statement log.
    /// </summary>
    public const string ChangeFeedTag = "Mercato search index: change feed";

    private const string CurrentFile = "current";
    private const int ReadChunk = 500;
    private static readonly TimeSpan RetireAfter = TimeSpan.FromSeconds(10);

    private readonly Stopwatch _started = new();
    private ProductSearchIndex? _current;
    private Task<ProductSearchIndex>? _building;
    private int _rebuildRequested;
    private bool _opened;
    private bool _announce = true;

    /// <summary>The index that answers searches, or null while the first one is being built.</summary>
    public ProductSearchIndex? Current => Volatile.Read(ref _current);

    /// <inheritdoc />
    protected override TimeSpan Interval => interval;

    /// <inheritdoc />
    protected override string Name => "The product search index";

    /// <inheritdoc />
    protected override bool RunsAtStart => true;

    /// <inheritdoc />
    /// <remarks>
    /// Every product write of this process asks for a round; under a checkout load (each
    /// reservation is one) that was a round per write, a sixth of the server's CPU. Writes within
    /// 100 ms share one round, well inside the promise that a change is searchable within a second.
    /// </remarks>
    protected override TimeSpan MinimumGap => TimeSpan.FromMilliseconds(100);

    /// <summary>This process committed product changes: the feed reads them now instead of at its next interval.</summary>
    public void CatalogChanged() => RunSoon();

    /// <summary>Asks for a rebuild into a fresh folder (ignored while one is running).</summary>
    public void RequestRebuild()
    {
        Interlocked.Exchange(ref _rebuildRequested, 1);
        RunSoon();
    }

    /// <inheritdoc />
    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        if (!_opened)
        {
            _opened = true;
            _started.Start();
            Directory.CreateDirectory(root);
            if (OpenCurrent() is { } opened)
            {
                Volatile.Write(ref _current, opened);
            }
            else
            {
                Interlocked.Exchange(ref _rebuildRequested, 1);
            }
        }

        try
        {
            if (_building is null && Interlocked.Exchange(ref _rebuildRequested, 0) == 1)
            {
                _started.Restart();
                _building = StartBuild(cancellationToken);
            }

            if (_building is { IsCompleted: true } building)
            {
                _building = null;
                var built = await building;
                await CatchUpAsync(built, cancellationToken);
                Swap(built);
                _announce = true;
            }

            if (Current is { } index)
            {
                await CatchUpAsync(index, cancellationToken);
                if (_announce)
                {
                    _announce = false;
                    LogCurrent(index.Count, index.Folder, _started.ElapsedMilliseconds);
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException && Current is null && _building is null)
        {
            // The first build failed (the database was unreachable, say): try again at the next tick.
            Interlocked.Exchange(ref _rebuildRequested, 1);
            throw;
        }
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (Interlocked.Exchange(ref _building, null) is { } building)
        {
            try
            {
                (await building.WaitAsync(cancellationToken)).Dispose();
            }
            catch (Exception e)
            {
                // A build cut short by the stop (or failed): its folder is removed at the next start.
                LogNotSavedAtStop(e);
            }
        }

        if (Interlocked.Exchange(ref _current, null) is { } index)
        {
            try
            {
                index.Commit(now: true);
                index.Dispose();
            }
            catch (IOException e)
            {
                // The folder went away under the index (removed by hand, or by another process
                // started on the same data folder): the next start catches up or rebuilds.
                LogNotSavedAtStop(e);
            }
        }
    }

    private ProductSearchIndex? OpenCurrent()
    {
        var currentFile = Path.Combine(root, CurrentFile);
        string problem;
        ProductSearchIndex? index = null;
        if (File.Exists(currentFile))
        {
            var folder = Path.Combine(root, File.ReadAllText(currentFile).Trim());
            index = ProductSearchIndex.TryOpen(folder, out problem);
        }
        else
        {
            problem = "there is none";
        }

        RemoveFoldersOtherThan(index?.Folder);
        if (index is null)
        {
            LogRebuilding(root, problem);
        }

        return index;
    }

    /// <summary>
    /// Builds a fresh index on a thread of its own at below-normal priority, so that the build
    /// (reading every product, analysing, merging: seconds of CPU at 100,000 products) holds no
    /// thread-pool thread and start-up, health checks and requests go on meanwhile. The job runs a
    /// round as soon as the build ends.
    /// </summary>
    private Task<ProductSearchIndex> StartBuild(CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource<ProductSearchIndex>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                done.SetResult(Build(cancellationToken));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                done.SetCanceled(cancellationToken);
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
            finally
            {
                RunSoon();
            }
        })
        {
            IsBackground = true,
            Name = "Product search index build",
            Priority = ThreadPriority.BelowNormal,
        };
        thread.Start();
        return done.Task;
    }

    private ProductSearchIndex Build(CancellationToken cancellationToken)
    {
        var folder = Path.Combine(root, DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmssfff", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8]);
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
        var index = ProductSearchIndex.Create(folder);
        try
        {
            // Everything changed after this mark is read again by the feed once the build is done.
            var mark = db.Products.Max(p => (DateTime?)p.UpdatedAt);
            var batch = new List<IndexedProduct>(ReadChunk);
            foreach (var product in Columns(db.Products.AsNoTracking().Where(p => p.Available && !p.IsDeleted)))
            {
                batch.Add(product);
                if (batch.Count == ReadChunk)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    index.Apply(batch, remember: false);
                    batch.Clear();
                    Thread.Yield();
                }
            }

            index.Apply(batch, remember: false);
            cancellationToken.ThrowIfCancellationRequested();
            index.Compact();
            if (mark is { } newest)
            {
                index.Advance(DateTime.SpecifyKind(newest, DateTimeKind.Utc), newest);
            }

            index.Commit(now: true);
            index.Refresh();
            return index;
        }
        catch
        {
            index.Dispose();
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    private async Task CatchUpAsync(ProductSearchIndex index, CancellationToken cancellationToken)
    {
        // Products changed after the checkpoint, and every product changed within the overlap
        // before now (a transaction that committed after the last read, with an UpdatedAt at or
        // before the checkpoint). A catalog untouched for a while costs one empty index range.
        var recent = Time.GetUtcNow().UtcDateTime - Overlap;
        var afterCheckpoint = index.Checkpoint < recent;
        var since = afterCheckpoint ? index.Checkpoint : recent;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
        var changed = afterCheckpoint
            ? db.Products.AsNoTracking().Where(p => p.UpdatedAt > since)
            : db.Products.AsNoTracking().Where(p => p.UpdatedAt >= since);
        var changes = await changed
            .TagWith(ChangeFeedTag)
            .Select(p => new { p.Id, p.Version, p.UpdatedAt })
            .ToListAsync(cancellationToken);
        var stale = changes.Where(c => !index.HasApplied(c.Id, c.Version)).Select(c => c.Id).ToList();
        var written = 0;
        foreach (var chunk in stale.Chunk(ReadChunk))
        {
            var products = await Columns(db.Products.AsNoTracking().TagWith(ChangeFeedTag).Where(p => EF.Parameter(chunk).Contains(p.Id))).ToListAsync(cancellationToken);
            written += index.ApplyChanged(products);
            var gone = chunk.Except(products.Select(p => p.Id)).ToList();
            index.Remove(gone);
            written += gone.Count;
        }

        if (changes.Count > 0)
        {
            index.Advance(DateTime.SpecifyKind(changes.Max(c => c.UpdatedAt), DateTimeKind.Utc), recent);
        }

        if (written > 0)
        {
            index.Refresh();
        }

        index.Commit();
    }

    private static IQueryable<IndexedProduct> Columns(IQueryable<Products.Product> products) => products.Select(p =>
        new IndexedProduct(p.Id, p.Name, p.Sku, p.Tags, p.Description, p.CategoryId, p.Available, p.IsDeleted, p.Version, p.UpdatedAt));

    private void Swap(ProductSearchIndex built)
    {
        File.WriteAllText(Path.Combine(root, CurrentFile + ".tmp"), Path.GetFileName(built.Folder));
        File.Move(Path.Combine(root, CurrentFile + ".tmp"), Path.Combine(root, CurrentFile), overwrite: true);
        if (Interlocked.Exchange(ref _current, built) is { } old)
        {
            // Searches that took the old index a moment ago finish on it first.
            _ = Task.Delay(RetireAfter).ContinueWith(
                _ =>
                {
                    old.Dispose();
                    RemoveFolder(old.Folder);
                },
                TaskScheduler.Default);
        }
    }

    private void RemoveFoldersOtherThan(string? keep)
    {
        foreach (var folder in Directory.EnumerateDirectories(root))
        {
            if (!string.Equals(Path.GetFullPath(folder), keep is null ? null : Path.GetFullPath(keep), StringComparison.Ordinal))
            {
                RemoveFolder(folder);
            }
        }
    }

    private void RemoveFolder(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException e)
        {
            LogCleanupFailed(folder, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Product search index is current: {Count} products in {Folder}, {Milliseconds} ms after it was opened or its build began")]
    private partial void LogCurrent(int count, string folder, long milliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Building the product search index under {Root} because {Problem}; the database answers searches meanwhile")]
    private partial void LogRebuilding(string root, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The product search index was not saved at stop; the next start catches up or rebuilds it")]
    private partial void LogNotSavedAtStop(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not remove the old search index folder {Folder}: {Reason}")]
    private partial void LogCleanupFailed(string folder, string reason);
}
