using System.Net;
using System.Text.Json;
using Mercato.Catalog.Search.Index;
using Mercato.Catalog.Tests.Support;
using Mercato.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mercato.Catalog.Tests.Search;

/// <summary>The Lucene index across restarts and processes: rebuilt when its folder is gone, followed by every replica.</summary>
public sealed class SearchIndexLifecycleTests
{
    private static string NewWord() => SearchWords.New();

    private static async Task<Guid> CreateProductAsync(HttpClient client, string admin, string name)
    {
        var category = await client.CreateCategoryAsync(admin, "Cat " + CatalogAdminApi.Unique());
        var unique = CatalogAdminApi.Unique();
        using var created = await client.SendAsync(HttpMethod.Post, "/api/v1/products", admin, new
        {
            name, slug = "p-" + unique, description = "Something to find.", price = 5m, sku = "S-" + unique, categoryId = category, stock = 3,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.ReadJsonAsync()).GetProperty("data").GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> SearchAsync(HttpClient client, string word)
    {
        using var response = await client.GetAsync($"/api/v1/products/search?q={word}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("data");
    }

    private static Task FoundAsync(HttpClient client, string word, long count) => Eventually.HoldsAsync(
        async () => (await SearchAsync(client, word)).GetProperty("totalCount").GetInt64() == count, $"'{word}' to match {count} product(s)");

    private static bool LoggedCurrent(SearchHost host) =>
        host.Logs.Entries.Any(e => e.Level == LogLevel.Information && e.Message.StartsWith("Product search index is current", StringComparison.Ordinal));

    /// <summary>
    /// Waits until the stopped host's index writer let go of its folder (Lucene removes
    /// <c>write.lock</c> last, after its final commit), as a process that exited would have.
    /// </summary>
    private static Task ReleasedAsync(SearchHost host) => Eventually.HoldsAsync(
        () => Task.FromResult(!Directory.Exists(host.IndexRoot) || !Directory.EnumerateFiles(host.IndexRoot, "write.lock", SearchOption.AllDirectories).Any()),
        "the stopped server to release its index");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_index_rebuilds_itself_when_its_folder_was_deleted_while_the_server_was_stopped(bool postgres)
    {
        var word = NewWord();
        var first = postgres ? SearchHost.Postgres() : SearchHost.Sqlite();
        SearchHost second;
        await using (first)
        {
            var client = first.CreateClient();
            await CreateProductAsync(client, await Tokens.AdminAsync(client), $"{word} teapot");
            await FoundAsync(client, word, 1);
            await Eventually.HoldsAsync(() => Task.FromResult(LoggedCurrent(first)), "the index to be current");
            Assert.Contains(first.Logs.Entries, e => e.Message.StartsWith("Building the product search index", StringComparison.Ordinal));
            second = first.Restarted();
        }

        await ReleasedAsync(second);
        Directory.Delete(second.IndexRoot, recursive: true);
        await using (second)
        {
            var client = second.CreateClient();
            await Eventually.HoldsAsync(() => Task.FromResult(LoggedCurrent(second)), "the index to be rebuilt");

            Assert.Contains(second.Logs.Entries, e => e.Message.StartsWith("Building the product search index", StringComparison.Ordinal) && e.Message.Contains("there is none", StringComparison.Ordinal));
            var current = File.ReadAllText(Path.Combine(second.IndexRoot, "current")).Trim();
            Assert.True(Directory.Exists(Path.Combine(second.IndexRoot, current)));
            Assert.Equal(1, (await SearchAsync(client, word)).GetProperty("totalCount").GetInt64());
        }
    }

    [Fact]
    public async Task The_indexer_runs_after_a_write_and_on_its_interval_and_never_wakes_itself()
    {
        var word = NewWord();
        await using var host = SearchHost.Sqlite();
        host.Settings["Catalog:Search:RefreshInterval"] = "01:00:00";
        var client = host.CreateClient();
        var admin = await Tokens.AdminAsync(client);
        await Eventually.HoldsAsync(() => Task.FromResult(LoggedCurrent(host)), "the index to be current");
        var indexer = host.Services.GetRequiredService<ProductSearchIndexer>();

        // Quiet, with an hour's interval: no round at all (its own change-feed read woke it
        // again and again when that tagged SELECT was taken for a product write).
        await Task.Delay(1_000, TestContext.Current.CancellationToken);
        var quiet = indexer.Rounds;
        await Task.Delay(1_500, TestContext.Current.CancellationToken);
        Assert.Equal(quiet, indexer.Rounds);

        // A write of this process wakes it, the product is found, and then it sleeps again.
        await CreateProductAsync(client, admin, $"{word} teapot");
        await FoundAsync(client, word, 1);
        Assert.True(indexer.Rounds > quiet, "the write did not wake the indexer");
        await Task.Delay(1_000, TestContext.Current.CancellationToken);
        var afterWrite = indexer.Rounds;
        await Task.Delay(1_500, TestContext.Current.CancellationToken);
        Assert.Equal(afterWrite, indexer.Rounds);
    }

    [Fact]
    public async Task A_restarted_server_opens_its_index_without_rebuilding_and_catches_up()
    {
        var (word, later) = (NewWord(), NewWord());
        var first = SearchHost.Sqlite();
        SearchHost second;
        await using (first)
        {
            var client = first.CreateClient();
            await CreateProductAsync(client, await Tokens.AdminAsync(client), $"{word} teapot");
            await FoundAsync(client, word, 1);
            await Eventually.HoldsAsync(() => Task.FromResult(LoggedCurrent(first)), "the index to be current");
            second = first.Restarted();
        }

        await ReleasedAsync(second);

        await using (second)
        {
            var client = second.CreateClient();
            await Eventually.HoldsAsync(() => Task.FromResult(LoggedCurrent(second)), "the index to be current");
            Assert.DoesNotContain(second.Logs.Entries, e => e.Message.StartsWith("Building the product search index", StringComparison.Ordinal));
            Assert.Equal(1, (await SearchAsync(client, word)).GetProperty("totalCount").GetInt64());
            await CreateProductAsync(client, await Tokens.AdminAsync(client), $"{later} teapot");
            await FoundAsync(client, later, 1);
        }
    }

    [Fact]
    public async Task An_index_of_another_schema_version_is_rebuilt_at_start()
    {
        var word = NewWord();
        var first = SearchHost.Sqlite();
        SearchHost second;
        await using (first)
        {
            var client = first.CreateClient();
            await CreateProductAsync(client, await Tokens.AdminAsync(client), $"{word} teapot");
            await FoundAsync(client, word, 1);
            await Eventually.HoldsAsync(() => Task.FromResult(LoggedCurrent(first)), "the index to be current");
            second = first.Restarted();
        }

        await ReleasedAsync(second);

        // What an older Mercato would have left: the same folder, another schema stamp.
        var folder = Path.Combine(second.IndexRoot, File.ReadAllText(Path.Combine(second.IndexRoot, "current")).Trim());
        using (var directory = Lucene.Net.Store.FSDirectory.Open(folder))
        using (var writer = new Lucene.Net.Index.IndexWriter(directory, new Lucene.Net.Index.IndexWriterConfig(Lucene.Net.Util.LuceneVersion.LUCENE_48, null)))
        {
            writer.SetCommitData(new Dictionary<string, string> { ["schema"] = "0", ["checkpoint"] = "0" });
            writer.Commit();
        }

        await using (second)
        {
            var client = second.CreateClient();
            await Eventually.HoldsAsync(() => Task.FromResult(LoggedCurrent(second)), "the index to be rebuilt");

            Assert.Contains(second.Logs.Entries, e => e.Message.StartsWith("Building the product search index", StringComparison.Ordinal) && e.Message.Contains("schema version is 0", StringComparison.Ordinal));
            Assert.NotEqual(folder, Path.Combine(second.IndexRoot, File.ReadAllText(Path.Combine(second.IndexRoot, "current")).Trim()));
            Assert.False(Directory.Exists(folder));
            Assert.Equal(1, (await SearchAsync(client, word)).GetProperty("totalCount").GetInt64());
        }
    }

    [Fact]
    public async Task Two_catalog_processes_on_one_postgres_database_each_find_what_the_other_wrote()
    {
        var (word, renamed) = (NewWord(), NewWord());
        await using var one = SearchHost.Postgres();
        var oneClient = one.CreateClient();
        var oneAdmin = await Tokens.AdminAsync(oneClient);
        await using var two = one.Replica();
        var twoClient = two.CreateClient();
        var twoAdmin = await Tokens.AdminAsync(twoClient);

        var id = await CreateProductAsync(oneClient, oneAdmin, $"{word} teapot");
        await FoundAsync(twoClient, word, 1);

        using (var patched = await twoClient.SendAsync(HttpMethod.Patch, $"/api/v1/products/{id}", twoAdmin, new { name = $"{renamed} teapot" }))
        {
            Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        }

        await FoundAsync(oneClient, renamed, 1);
        await FoundAsync(oneClient, word, 0);
        using (var deleted = await oneClient.SendAsync(HttpMethod.Delete, $"/api/v1/products/{id}", oneAdmin))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        await FoundAsync(twoClient, renamed, 0);
        Assert.NotEqual(one.IndexRoot, two.IndexRoot);
    }
}
