using BenchmarkDotNet.Attributes;
using Mercato.Catalog.Search.Index;

namespace Mercato.Benchmarks;

/// <summary>
/// One search on the Catalog's Lucene index of 100,000 products (about 23 % tagged "wireless",
/// spread over 20 categories, as bench/Mercato.CatalogSeeder makes them): the page's top 20, the
/// total and the counts per category in one pass. The index is built once in a temporary folder.
/// </summary>
[MemoryDiagnoser]
public class ProductSearchBenchmarks
{
    private static readonly string[] Adjectives = ["Compact", "Smart", "Classic", "Ultra", "Eco", "Pro", "Light", "Rugged"];
    private static readonly string[] Nouns = ["Speaker", "Lamp", "Backpack", "Kettle", "Jacket", "Watch", "Chair", "Bottle", "Drill", "Blender"];
    private static readonly string[] Labels = ["new", "bestseller", "gift", "eco", "wireless", "outdoor", "kitchen", "travel"];

    private string _folder = string.Empty;
    private ProductSearchIndex _index = null!;

    /// <summary>The search text: a common word, a rare one, two words.</summary>
    [Params("wireless", "004217", "smart speaker")]
    public string Text { get; set; } = "wireless";

    /// <summary>Builds the index.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "mercato-search-bench-" + Guid.NewGuid().ToString("N"));
        _index = ProductSearchIndex.Create(_folder);
        var random = new Random(42);
        var categories = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid()).ToArray();
        var now = DateTime.UtcNow;
        _index.Apply(
            Enumerable.Range(0, 100_000).Select(i =>
            {
                var name = $"{Adjectives[random.Next(Adjectives.Length)]} {Nouns[random.Next(Nouns.Length)]} {i:D6}";
                return new IndexedProduct(
                    Guid.CreateVersion7(), name, $"BENCH-{i:D6}", [Labels[random.Next(Labels.Length)], Labels[random.Next(Labels.Length)]],
                    $"{name}: a benchmark product.", categories[random.Next(categories.Length)], random.Next(20) != 0, false, 1, now);
            }),
            remember: false);
        _index.Compact();
        _index.Commit(now: true);
        _index.Refresh();
    }

    /// <summary>Removes the index.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _index.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>The first page of 20, searched (the result cache emptied first, as after a change).</summary>
    [Benchmark]
    public long FirstPage()
    {
        _index.Refresh();
        return _index.Search(Text, 1, 20, out _).TotalCount;
    }

    /// <summary>Page 50 of 20 (the top 1,000 kept), searched.</summary>
    [Benchmark]
    public long Page50()
    {
        _index.Refresh();
        return _index.Search(Text, 50, 20, out _).TotalCount;
    }

    /// <summary>The first page of 20 again on an unchanged index: the result cache answers.</summary>
    [Benchmark]
    public long FirstPageCached() => _index.Search(Text, 1, 20, out _).TotalCount;
}
