using System.Net;
using Mercato.Catalog.Tests.Support;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Catalog.Tests.Caching;

/// <summary>With <c>Catalog:Caching:Enabled=false</c> every anonymous read goes to the database (ETags still work), on one provider.</summary>
public abstract class UncachedReadTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : CatalogFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Reads_show_a_change_the_cache_was_not_told_of_at_once()
    {
        var category = await factory.AddCategoryAsync("Uncached");
        var product = await factory.InsertProductAsync(category.Id);
        var url = $"/api/v1/products/{product.Id}";
        using (var first = await _client.GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.NotNull(first.Headers.ETag);
        }

        await factory.WithCatalogDbAsync(db => db.Products.Where(p => p.Id == product.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Name, "Seen at once")));

        using var second = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("Seen at once", (await second.ReadJsonAsync()).GetProperty("data").GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_search_reads_its_items_from_the_database_every_time()
    {
        var category = await factory.AddCategoryAsync("Uncached search");
        var product = await factory.InsertProductAsync(category.Id, 10m);
        var url = $"/api/v1/products/search?q={product.Name.Split(' ')[1]}";
        await MercatoProcess.EventuallyAsync(() => TotalAsync(url), total => total == 1, TimeSpan.FromSeconds(30));

        await factory.WithCatalogDbAsync(db => db.Products.Where(p => p.Id == product.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Price, 14m)));

        using var again = await _client.GetAsync(url);
        Assert.Equal(14m, (await again.ReadJsonAsync()).GetProperty("data").GetProperty("items")[0].GetProperty("price").GetDecimal());
    }

    [Fact]
    public async Task A_lists_match_count_is_counted_again_for_every_read()
    {
        var category = await factory.AddCategoryAsync("Uncached counts");
        var product = await factory.InsertProductAsync(category.Id);
        using (var first = await _client.GetAsync($"/api/v1/products?category={category.Slug}"))
        {
            Assert.Equal(1, (await first.ReadJsonAsync()).GetProperty("data").GetProperty("totalCount").GetInt32());
        }

        await factory.WithCatalogDbAsync(db => db.Products.Where(p => p.Id == product.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Available, false)));

        using var sorted = await _client.GetAsync($"/api/v1/products?category={category.Slug}&sortBy=price");
        Assert.Equal(0, (await sorted.ReadJsonAsync()).GetProperty("data").GetProperty("totalCount").GetInt32());
    }

    private async Task<long> TotalAsync(string url)
    {
        using var response = await _client.GetAsync(url);
        return (await response.ReadJsonAsync()).GetProperty("data").GetProperty("totalCount").GetInt64();
    }
}

/// <summary>A Catalog host with the read cache off.</summary>
public class UncachedCatalogFactory : CatalogFactory
{
    /// <summary>On SQLite.</summary>
    public UncachedCatalogFactory()
        : this(postgres: false)
    {
    }

    /// <summary>On SQLite or PostgreSQL.</summary>
    protected UncachedCatalogFactory(bool postgres)
        : base(postgres) => Settings["Catalog:Caching:Enabled"] = "false";
}

/// <summary>The uncached host on PostgreSQL.</summary>
public sealed class PostgresUncachedCatalogFactory() : UncachedCatalogFactory(postgres: true);

/// <summary>On SQLite.</summary>
public sealed class SqliteUncachedReadTests(UncachedCatalogFactory factory) : UncachedReadTests<UncachedCatalogFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresUncachedReadTests(PostgresUncachedCatalogFactory factory) : UncachedReadTests<PostgresUncachedCatalogFactory>(factory);
