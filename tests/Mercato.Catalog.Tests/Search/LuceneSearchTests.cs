using System.Net;
using Mercato.Catalog.Search.Index;
using Mercato.Catalog.Tests.Support;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Catalog.Tests.Search;

/// <summary>
/// Search on the Lucene index (the default engine): every test of <see cref="SearchTests{TFactory}"/>
/// plus what only the index has (words the database engines treat differently, the rebuild endpoint).
/// </summary>
public abstract class LuceneSearchTests<TFactory>(TFactory factory) : SearchTests<TFactory>(factory)
    where TFactory : CatalogFactory
{
    [Fact]
    public async Task An_operator_word_is_a_word_that_must_match()
    {
        var word = NewWord();
        await Factory.AddProductAsync(p => p.Name = $"{word} salt and pepper mill");
        await Factory.AddProductAsync(p => p.Name = $"{word} grinder");
        await SearchUntilCountAsync($"q={word}", 2);

        Assert.Equal([$"{word} salt and pepper mill"], Names(await SearchAsync($"q={word}%20AND")));
        Assert.Empty(Names(await SearchAsync($"q={word}%20OR%20grinder")));
        Assert.Empty(Names(await SearchAsync($"q={word}%20NOT%20pepper")));
    }

    [Fact]
    public async Task Facet_counts_add_up_to_the_total_over_many_categories()
    {
        var word = NewWord();
        var expected = new Dictionary<Guid, int>();
        for (var c = 0; c < 4; c++)
        {
            var category = await Factory.AddCategoryAsync($"Kind {c}");
            expected[category.Id] = c + 1;
            for (var i = 0; i <= c; i++)
            {
                await Factory.AddProductAsync(p => (p.Name, p.Description) = (i % 2 == 0 ? $"{word} thing" : "Thing", $"About {word}."), category.Id);
            }
        }

        var data = await SearchUntilCountAsync($"q={word}&pageSize=3", 10);

        var facets = data.GetProperty("facets").GetProperty("categories").EnumerateArray().ToDictionary(f => f.GetProperty("id").GetGuid(), f => f.GetProperty("count").GetInt32());
        Assert.Equal(expected.OrderBy(e => e.Key), facets.OrderBy(e => e.Key));
        Assert.Equal(4, data.GetProperty("totalPages").GetInt32());
        Assert.Equal(3, data.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task A_rebuild_is_for_administrators_and_keeps_answering()
    {
        var word = NewWord();
        await Factory.AddProductAsync(p => p.Name = $"{word} kettle");
        await SearchUntilCountAsync($"q={word}", 1);
        var (_, customer) = await Tokens.CustomerAsync(Client);
        var admin = await Tokens.AdminAsync(Client);

        using (var anonymous = await Client.SendAsync(HttpMethod.Post, "/api/v1/catalog/search/rebuild", null))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }

        using (var forbidden = await Client.SendAsync(HttpMethod.Post, "/api/v1/catalog/search/rebuild", customer))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
            Assert.Equal(["FORBIDDEN"], (await forbidden.ReadErrorAsync()).ErrorCodes());
        }

        var before = File.ReadAllText(Path.Combine(Factory.DataDirectory, "search", "catalog", "current"));
        using var accepted = await Client.SendAsync(HttpMethod.Post, "/api/v1/catalog/search/rebuild", admin);

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var body = await accepted.ReadJsonAsync();
        Assert.True(body.GetProperty("success").GetBoolean());
        Assert.Equal("rebuilding", body.GetProperty("data").GetProperty("status").GetString());
        await Eventually.HoldsAsync(
            () => Task.FromResult(File.ReadAllText(Path.Combine(Factory.DataDirectory, "search", "catalog", "current")) != before),
            "the rebuilt index to replace the old one");
        Assert.Equal([$"{word} kettle"], Names(await SearchAsync($"q={word}")));
    }

    [Fact]
    public async Task A_repeated_search_is_answered_from_the_result_cache_and_never_older_than_the_catalog()
    {
        var word = NewWord();
        var admin = await Tokens.AdminAsync(Client);
        var teapot = await Factory.AddProductAsync(p => (p.Name, p.Price) = ($"{word} teapot", 20m));
        // The index (not the database, which answers while the index is first built) has read the
        // teapot and everything before it (SearchUntilAsync waits for that); the first answer that
        // finds it is on the reopened searcher.
        await SearchUntilCountAsync($"q={word}", 1);
        bool FromCache(string text) => Factory.Logs.Entries.Any(e => e.Message.StartsWith($"Search for '{text}' (page 1 of 20) answered from the result cache", StringComparison.Ordinal));

        // The same words (the text analysed: case and a plural do not matter) on an unchanged index.
        var again = await SearchAsync($"q={word.ToUpperInvariant()}S");
        Assert.True(FromCache(word.ToUpperInvariant() + "S"), "the second search of the same words was not answered from the cache");
        Assert.Equal(teapot.Id, again.GetProperty("items")[0].GetProperty("id").GetGuid());

        // A price change shows in the very next answer: the page's products are read from the database.
        using (var repriced = await Client.SendAsync(HttpMethod.Patch, $"/api/v1/products/{teapot.Id}", admin, new { price = 25m }))
        {
            Assert.Equal(HttpStatusCode.OK, repriced.StatusCode);
        }

        Assert.Equal(25m, (await SearchAsync($"q={word}")).GetProperty("items")[0].GetProperty("price").GetDecimal());

        // A new match: the cached answer of the older searcher is never served again.
        using (var created = await Client.SendAsync(HttpMethod.Post, "/api/v1/products", admin, new
        {
            name = $"{word} kettle", slug = "k-" + word, description = "A kettle.", price = 30m, sku = "K-" + Guid.NewGuid().ToString("N")[..10],
            categoryId = teapot.CategoryId, stock = 2,
        }))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        var both = await SearchUntilCountAsync($"q={word}", 2);
        Assert.Equal(2, both.GetProperty("facets").GetProperty("categories")[0].GetProperty("count").GetInt32());
        Assert.Equal(2, (await SearchAsync($"q={word}")).GetProperty("totalCount").GetInt64());
    }

    [Fact]
    public async Task A_stock_movement_leaves_the_index_and_its_cached_answers_as_they_are_and_a_rename_is_still_found()
    {
        var (word, renamed) = (NewWord(), NewWord());
        var admin = await Tokens.AdminAsync(Client);
        var lamp = await Factory.AddProductAsync(p => p.Name = $"{word} lamp");
        await SearchUntilCountAsync($"q={word}", 1);
        await SearchAsync($"q={word}");
        bool FromCache(string text) => Factory.Logs.Entries.Any(e => e.Message.StartsWith($"Search for '{text}' (page 1 of 20) answered from the result cache", StringComparison.Ordinal));

        // The movement bumps the product's version and UpdatedAt, so the change feed reads it; its
        // document would be the same, so nothing is written and the searcher (and its cache) stays.
        using (var delivered = await Client.SendAsync(HttpMethod.Post, $"/api/v1/products/{lamp.Id}/stock/adjustments", admin, new { change = 5, reason = "delivery" }))
        {
            Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        }

        await EngineHasReadEveryWriteAsync();
        var again = await SearchAsync($"q={word.ToUpperInvariant()}");
        Assert.True(FromCache(word.ToUpperInvariant()), "a stock movement emptied the result cache");
        Assert.Equal(lamp.Id, again.GetProperty("items")[0].GetProperty("id").GetGuid());

        // A change of what is indexed is still written and found.
        using (var renaming = await Client.SendAsync(HttpMethod.Patch, $"/api/v1/products/{lamp.Id}", admin, new { name = $"{renamed} lamp" }))
        {
            Assert.Equal(HttpStatusCode.OK, renaming.StatusCode);
        }

        await SearchUntilCountAsync($"q={renamed}", 1);
        Assert.Equal(0, (await SearchAsync($"q={word}")).GetProperty("totalCount").GetInt64());
    }

    [Fact]
    public async Task Answers_come_from_the_index_and_a_rebuild_takes_in_writes_made_behind_the_modules_back()
    {
        var (before, after) = (NewWord(), NewWord());
        var product = await Factory.AddProductAsync(p => p.Name = $"{before} lamp");
        await SearchUntilCountAsync($"q={before}", 1);

        // Neither UpdatedAt nor Version changes: no module code writes like this, so the change
        // feed does not see it (the database engines would, through their triggers and columns).
        await Factory.WithDbAsync(db => db.Products.Where(p => p.Id == product.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Name, $"{after} lamp")));
        Assert.Equal(1, (await SearchAsync($"q={before}")).GetProperty("totalCount").GetInt64());
        Assert.Equal(0, (await SearchAsync($"q={after}")).GetProperty("totalCount").GetInt64());

        using var accepted = await Client.SendAsync(HttpMethod.Post, "/api/v1/catalog/search/rebuild", await Tokens.AdminAsync(Client));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);

        await SearchUntilCountAsync($"q={after}", 1);
        Assert.Equal(0, (await SearchAsync($"q={before}")).GetProperty("totalCount").GetInt64());
    }

    /// <summary>
    /// Waits until the index is open and has read the catalog's last product change (and so every
    /// change before it): while the index is first built the database answers, and a result it gave
    /// may not be the index's yet.
    /// </summary>
    protected override async Task EngineHasReadEveryWriteAsync()
    {
        var lastChange = await Factory.WithDbAsync(db => db.Products.MaxAsync(p => (DateTime?)p.UpdatedAt));
        var indexer = Factory.Services.GetRequiredService<ProductSearchIndexer>();
        await Eventually.HoldsAsync(
            () => Task.FromResult(indexer.Current is { } index && (lastChange is null || index.Checkpoint >= lastChange)),
            "the index to be open and to have read the catalog's last product change");
    }
}

/// <summary>Lucene search, catalog on SQLite.</summary>
public sealed class SqliteSearchTests(CatalogFactory factory) : LuceneSearchTests<CatalogFactory>(factory);

/// <summary>Lucene search, catalog on PostgreSQL.</summary>
public sealed class PostgresSearchTests(PostgresCatalogFactory factory) : LuceneSearchTests<PostgresCatalogFactory>(factory);

/// <summary>The database engine on SQLite FTS5.</summary>
public sealed class SqliteDatabaseSearchTests(SqliteDatabaseSearchFactory factory) : SearchTests<SqliteDatabaseSearchFactory>(factory);

/// <summary>The database engine on PostgreSQL full-text search.</summary>
public sealed class PostgresDatabaseSearchTests(PostgresDatabaseSearchFactory factory) : SearchTests<PostgresDatabaseSearchFactory>(factory);
