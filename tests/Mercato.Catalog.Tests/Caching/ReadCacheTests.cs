using System.Net;
using System.Text.Json;
using Mercato.Catalog.Tests.Support;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Catalog.Tests.Caching;

/// <summary>
/// The server-side cache of anonymous catalog reads, on one provider. A change written straight
/// into the database with <c>ExecuteUpdate</c> (which the cache is not told of) shows that an
/// answer comes from the cache: it stays unseen until a real write of the same product (or
/// category) evicts the answers showing it, after which both are seen.
/// </summary>
public abstract class ReadCacheTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : ReadCacheFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task An_admin_update_evicts_the_detail_by_id_and_by_slug_and_every_list_showing_the_product()
    {
        var (category, slug) = await CategoryAsync();
        var product = await factory.InsertProductAsync(category);
        var urls = Urls(product.Id, product.Slug, slug);
        await AssertNamesAsync(urls, product.Id, product.Name);

        await SilentlyAsync(product.Id, "Silent name");
        await AssertNamesAsync(urls, product.Id, product.Name);

        var admin = await Tokens.AdminAsync(_client);
        using var patched = await _client.SendAsync(HttpMethod.Patch, $"/api/v1/products/{product.Id}", admin, new { description = "Changed by an admin" });
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        await AssertNamesAsync(urls, product.Id, "Silent name");
        Assert.Equal("Changed by an admin", (await DataAsync(urls[0])).GetProperty("description").GetString());
    }

    [Fact]
    public async Task A_price_change_shows_at_once_in_the_detail_and_the_lists()
    {
        var (category, slug) = await CategoryAsync();
        var product = await factory.InsertProductAsync(category, 10m);
        var urls = Urls(product.Id, product.Slug, slug);
        Assert.All(await ShownAsync(urls, product.Id), p => Assert.Equal(10m, p.GetProperty("price").GetDecimal()));

        var admin = await Tokens.AdminAsync(_client);
        using var patched = await _client.SendAsync(HttpMethod.Patch, $"/api/v1/products/{product.Id}", admin, new { price = 12.5m });
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);

        Assert.All(await ShownAsync(urls, product.Id), p => Assert.Equal(12.5m, p.GetProperty("price").GetDecimal()));
    }

    [Fact]
    public async Task A_created_product_appears_in_cached_lists_and_category_counts()
    {
        var (category, slug) = await CategoryAsync();
        await factory.InsertProductAsync(category);
        var list = $"/api/v1/products?category={slug}";
        Assert.Equal(1, (await DataAsync(list)).GetProperty("totalCount").GetInt32());
        Assert.Equal(1, (await DataAsync($"/api/v1/categories/{slug}")).GetProperty("productCount").GetInt32());

        var admin = await Tokens.AdminAsync(_client);
        using var created = await _client.SendAsync(HttpMethod.Post, "/api/v1/products", admin, new
        {
            name = "Fresh arrival", description = "d", price = 3m, sku = "FA-" + CatalogAdminApi.Unique(), categoryId = category,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var page = await DataAsync(list);
        Assert.Equal(2, page.GetProperty("totalCount").GetInt32());
        Assert.Contains(page.GetProperty("items").EnumerateArray(), i => i.GetProperty("name").GetString() == "Fresh arrival");
        Assert.Equal(2, (await DataAsync($"/api/v1/categories/{slug}")).GetProperty("productCount").GetInt32());
    }

    [Fact]
    public async Task A_stock_move_that_keeps_the_product_in_stock_still_changes_cached_low_stock_lists_at_once()
    {
        var (category, slug) = await CategoryAsync();
        var product = await factory.InsertProductAsync(category, configure: p => p.OnHand = 20);
        var low = $"/api/v1/products?category={slug}&maxStock=5";
        Assert.Equal(0, (await DataAsync(low)).GetProperty("totalCount").GetInt32());
        Assert.Equal(0, (await DataAsync(low)).GetProperty("totalCount").GetInt32());

        var admin = await Tokens.AdminAsync(_client);
        using var adjusted = await _client.SendAsync(HttpMethod.Post, $"/api/v1/products/{product.Id}/stock/adjustments", admin, new { change = -17, reason = "Count" });
        Assert.Equal(HttpStatusCode.OK, adjusted.StatusCode);

        var page = await DataAsync(low);
        Assert.Equal(1, page.GetProperty("totalCount").GetInt32());
        Assert.Equal(product.Id, Assert.Single(page.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task A_lists_match_count_is_shared_by_its_pages_and_sorts_until_a_write_evicts_it()
    {
        var (category, slug) = await CategoryAsync();
        var product = await factory.InsertProductAsync(category);
        Assert.Equal(1, (await DataAsync($"/api/v1/products?category={slug}")).GetProperty("totalCount").GetInt32());

        // Hidden behind the cache's back: a new sort of the same filter reads its page again
        // (the product is gone from it) but takes the filter's count from the cache.
        await factory.WithCatalogDbAsync(db => db.Products.Where(p => p.Id == product.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Available, false)));
        var counted = factory.CatalogCounts;
        var sorted = await DataAsync($"/api/v1/products?category={slug}&sortBy=price&sortOrder=desc");
        Assert.Equal(1, sorted.GetProperty("totalCount").GetInt32());
        Assert.Empty(sorted.GetProperty("items").EnumerateArray());
        Assert.Equal(counted, factory.CatalogCounts);

        // Another filter is counted.
        var otherFilter = await DataAsync($"/api/v1/products?category={slug}&minPrice=0");
        Assert.Equal(0, otherFilter.GetProperty("totalCount").GetInt32());
        Assert.Equal(counted + 1, factory.CatalogCounts);

        // A real write of the product evicts every count with the lists.
        var admin = await Tokens.AdminAsync(_client);
        using var patched = await _client.SendAsync(HttpMethod.Patch, $"/api/v1/products/{product.Id}", admin, new { description = "Changed by an admin" });
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var evicted = await DataAsync($"/api/v1/products?category={slug}&sortBy=name");
        Assert.Equal(0, evicted.GetProperty("totalCount").GetInt32());
        Assert.Empty(evicted.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task A_deleted_product_leaves_cached_lists_and_its_detail()
    {
        var (category, slug) = await CategoryAsync();
        var product = await factory.InsertProductAsync(category);
        var urls = Urls(product.Id, product.Slug, slug);
        await AssertNamesAsync(urls, product.Id, product.Name);

        var admin = await Tokens.AdminAsync(_client);
        using var deleted = await _client.SendAsync(HttpMethod.Delete, $"/api/v1/products/{product.Id}", admin);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        using var detail = await _client.GetAsync(urls[0]);
        Assert.Equal(HttpStatusCode.NotFound, detail.StatusCode);
        using var bySlug = await _client.GetAsync(urls[1]);
        Assert.Equal(HttpStatusCode.NotFound, bySlug.StatusCode);
        Assert.Empty((await DataAsync(urls[2])).GetProperty("items").EnumerateArray());
        Assert.Empty((await DataAsync(urls[3])).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task A_reservation_changes_the_stock_cached_answers_show_and_lists_filtered_on_stock()
    {
        var (category, slug) = await CategoryAsync();
        var product = await factory.InsertProductAsync(category, configure: p => p.OnHand = 5);
        var urls = Urls(product.Id, product.Slug, slug);
        var inStockList = $"/api/v1/products?category={slug}&inStock=true";
        Assert.All(await ShownAsync(urls, product.Id), p => Assert.Equal(5, p.GetProperty("stock").GetInt32()));
        Assert.Single((await DataAsync(inStockList)).GetProperty("items").EnumerateArray());

        var service = await _client.ServiceTokenAsync();
        await _client.ReserveAsync(service, Guid.NewGuid(), (product.Id, 2));
        Assert.All(await ShownAsync(urls, product.Id), p => Assert.Equal(3, p.GetProperty("stock").GetInt32()));
        Assert.Single((await DataAsync(inStockList)).GetProperty("items").EnumerateArray());

        await _client.ReserveAsync(service, Guid.NewGuid(), (product.Id, 3));
        Assert.All(await ShownAsync(urls, product.Id), p => Assert.Equal((0, false), (p.GetProperty("stock").GetInt32(), p.GetProperty("inStock").GetBoolean())));
        Assert.Empty((await DataAsync(inStockList)).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task A_category_rename_shows_in_cached_lists_details_and_the_tree()
    {
        var (category, slug) = await CategoryAsync();
        var product = await factory.InsertProductAsync(category);
        var urls = Urls(product.Id, product.Slug, slug);
        var name = (await DataAsync($"/api/v1/categories/{slug}")).GetProperty("name").GetString();
        Assert.All(await ShownAsync(urls, product.Id), p => Assert.Equal(name, p.GetProperty("category").GetProperty("name").GetString()));

        // The tree is cached too: a list not asked for before still names the category as it was.
        await factory.WithCatalogDbAsync(db => db.Categories.Where(c => c.Id == category).ExecuteUpdateAsync(s => s.SetProperty(c => c.Name, "Silent category")));
        var unseen = await ShownAsync([$"/api/v1/products?category={slug}&pageSize=7"], product.Id);
        Assert.Equal(name, unseen[0].GetProperty("category").GetProperty("name").GetString());

        var admin = await Tokens.AdminAsync(_client);
        using var renamed = await _client.SendAsync(HttpMethod.Put, $"/api/v1/categories/{category}", admin, new { name = "Renamed shelf", slug });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);

        Assert.All(await ShownAsync(urls, product.Id), p => Assert.Equal("Renamed shelf", p.GetProperty("category").GetProperty("name").GetString()));
        Assert.Equal("Renamed shelf", (await DataAsync($"/api/v1/categories/{slug}")).GetProperty("name").GetString());
        Assert.Contains((await DataAsync("/api/v1/categories")).EnumerateArray(), c => c.GetProperty("name").GetString() == "Renamed shelf");
    }

    [Fact]
    public async Task A_review_shows_in_the_cached_detail_and_lists()
    {
        var (category, slug) = await CategoryAsync();
        var product = await factory.InsertProductAsync(category);
        var urls = Urls(product.Id, product.Slug, slug);
        var byRating = $"/api/v1/products?category={slug}&sortBy=rating";
        Assert.All(await ShownAsync([.. urls, byRating], product.Id), p => Assert.Equal(0, p.GetProperty("reviewCount").GetInt32()));

        var (_, customer) = await Tokens.CustomerAsync(_client);
        using var reviewed = await _client.SendAsync(HttpMethod.Post, $"/api/v1/products/{product.Id}/reviews", customer, new { rating = 4, title = "Good", comment = "Does the job well." });
        Assert.Equal(HttpStatusCode.Created, reviewed.StatusCode);

        Assert.All(await ShownAsync([.. urls, byRating], product.Id), p => Assert.Equal((1, 4m), (p.GetProperty("reviewCount").GetInt32(), p.GetProperty("rating").GetDecimal())));
        Assert.Equal("Good", (await DataAsync(urls[0])).GetProperty("reviews")[0].GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_304_and_a_repeated_200_are_answered_from_the_cache_without_reading_the_database()
    {
        var (category, slug) = await CategoryAsync();
        var product = await factory.InsertProductAsync(category);
        foreach (var url in new[] { $"/api/v1/products/{product.Id}", $"/api/v1/products?category={slug}", "/api/v1/categories", $"/api/v1/categories/{slug}/products" })
        {
            using var first = await _client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            var etag = first.Headers.ETag!.ToString();

            var before = factory.CatalogStatements;
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
            using var notModified = await _client.SendAsync(request);
            using var again = await _client.GetAsync(url);

            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
            Assert.Equal(etag, notModified.Headers.ETag?.ToString());
            Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Equal(etag, again.Headers.ETag?.ToString());
            Assert.Equal("public, max-age=60", again.Headers.CacheControl?.ToString());
            Assert.Equal(before, factory.CatalogStatements);
        }
    }

    [Fact]
    public async Task The_timestamp_correlation_id_and_security_headers_of_a_cached_answer_are_this_requests()
    {
        var (category, _) = await CategoryAsync();
        var product = await factory.InsertProductAsync(category);
        var url = $"/api/v1/products/{product.Id}";
        var answers = new List<(string Correlation, string Timestamp, string Body)>();
        foreach (var correlation in new[] { "cache-test-1", "cache-test-2" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Add("X-Correlation-Id", correlation);
            using var response = await _client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            var json = await response.ReadJsonAsync();
            Assert.True(json.GetProperty("success").GetBoolean());
            answers.Add((response.Headers.GetValues("X-Correlation-Id").Single(), json.GetProperty("timestamp").GetString()!, json.GetProperty("data").GetRawText()));
            await Task.Delay(5);
        }

        Assert.Equal(["cache-test-1", "cache-test-2"], answers.Select(a => a.Correlation));
        Assert.True(DateTimeOffset.Parse(answers[1].Timestamp, System.Globalization.CultureInfo.InvariantCulture) > DateTimeOffset.Parse(answers[0].Timestamp, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(answers[0].Body, answers[1].Body);
    }

    [Fact]
    public async Task Signed_in_reads_bypass_the_cache_and_never_fill_it()
    {
        var (category, slug) = await CategoryAsync();
        var product = await factory.InsertProductAsync(category);
        var urls = Urls(product.Id, product.Slug, slug);
        await AssertNamesAsync(urls, product.Id, product.Name);

        await SilentlyAsync(product.Id, "Seen by the signed-in");
        var admin = await Tokens.AdminAsync(_client);
        Assert.All(await ShownAsync(urls, product.Id, admin), p => Assert.Equal("Seen by the signed-in", p.GetProperty("name").GetString()));
        await AssertNamesAsync(urls, product.Id, product.Name);
    }

    [Fact]
    public async Task Cart_and_checkout_reads_see_a_new_price_and_stock_while_the_product_page_is_cached()
    {
        var (category, _) = await CategoryAsync();
        var product = await factory.InsertProductAsync(category, 10m, configure: p => p.OnHand = 5);
        var page = $"/api/v1/products/{product.Id}";
        Assert.Equal(10m, (await DataAsync(page)).GetProperty("price").GetDecimal());

        await factory.WithCatalogDbAsync(db => db.Products.Where(p => p.Id == product.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Price, 14m).SetProperty(p => p.OnHand, 4)));
        Assert.Equal(10m, (await DataAsync(page)).GetProperty("price").GetDecimal());

        var service = await _client.ServiceTokenAsync();
        using var snapshots = await _client.SendAsync(HttpMethod.Post, "/api/v1/catalog/products/snapshots", service, new { ids = new[] { product.Id } });
        Assert.Equal(HttpStatusCode.OK, snapshots.StatusCode);
        var snapshot = (await snapshots.ReadJsonAsync()).GetProperty("data")[0];
        Assert.Equal((14m, 4), (snapshot.GetProperty("price").GetDecimal(), snapshot.GetProperty("availableStock").GetInt32()));
        Assert.Equal(4, await _client.AvailableAsync(product.Id));
    }

    [Fact]
    public async Task A_search_shows_each_product_from_the_cache_until_a_write_of_it_evicts_it()
    {
        var (category, _) = await CategoryAsync();
        var product = await factory.InsertProductAsync(category, 10m);
        var word = product.Name.Split(' ')[1];
        var url = $"/api/v1/products/search?q={word}";
        var hit = await MercatoProcess.EventuallyAsync(() => DataAsync(url), d => d.GetProperty("totalCount").GetInt64() == 1, TimeSpan.FromSeconds(30));
        Assert.Equal(10m, hit.GetProperty("items")[0].GetProperty("price").GetDecimal());

        // Behind the cache's (and the index's) back: the search still shows the kept item.
        await factory.WithCatalogDbAsync(db => db.Products.Where(p => p.Id == product.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Price, 14m)));
        Assert.Equal(10m, (await DataAsync(url)).GetProperty("items")[0].GetProperty("price").GetDecimal());

        // Any write of the product (here a stock move) evicts it: the next search reads it again.
        var service = await _client.ServiceTokenAsync();
        await _client.ReserveAsync(service, Guid.NewGuid(), (product.Id, 1));
        var item = (await DataAsync(url)).GetProperty("items")[0];
        Assert.Equal((14m, 4), (item.GetProperty("price").GetDecimal(), item.GetProperty("stock").GetInt32()));
    }

    /// <summary>Detail by id, by slug, the list of the category, and its own route.</summary>
    private static string[] Urls(Guid id, string productSlug, string categorySlug) =>
        [$"/api/v1/products/{id}", $"/api/v1/products/{productSlug}", $"/api/v1/products?category={categorySlug}", $"/api/v1/categories/{categorySlug}/products"];

    private async Task<(Guid Id, string Slug)> CategoryAsync()
    {
        var category = await factory.AddCategoryAsync("Cached");
        return (category.Id, category.Slug);
    }

    /// <summary>Renames the product in the database without the cache knowing.</summary>
    private Task<int> SilentlyAsync(Guid id, string name)
        => factory.WithCatalogDbAsync(db => db.Products.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Name, name)));

    private async Task AssertNamesAsync(string[] urls, Guid id, string name)
        => Assert.All(await ShownAsync(urls, id), p => Assert.Equal(name, p.GetProperty("name").GetString()));

    /// <summary>The product as each URL shows it: a detail's data, or its item in a list.</summary>
    private async Task<List<JsonElement>> ShownAsync(IEnumerable<string> urls, Guid id, string? token = null)
    {
        var shown = new List<JsonElement>();
        foreach (var url in urls)
        {
            var data = await DataAsync(url, token);
            shown.Add(data.TryGetProperty("items", out var items) ? items.EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == id) : data);
        }

        return shown;
    }

    private async Task<JsonElement> DataAsync(string url, string? token = null)
    {
        using var response = await _client.SendAsync(HttpMethod.Get, url, token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("data").Clone();
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteReadCacheTests(ReadCacheFactory factory) : ReadCacheTests<ReadCacheFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresReadCacheTests(PostgresReadCacheFactory factory) : ReadCacheTests<PostgresReadCacheFactory>(factory);
