using Mercato.Catalog.Tests.Caching;
using Mercato.Catalog.Tests.Support;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Catalog.Tests.Products;

/// <summary>
/// A list filtered by nothing but category and availability takes its total from the counts the
/// database's triggers keep per category (catalog_list_counts): every kind of write keeps them
/// exact, on one provider, with the read cache off so that each total is read anew.
/// </summary>
public abstract class ProductListCountTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : UncachedCatalogFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task The_lists_total_follows_every_write_that_adds_moves_hides_or_removes_a_product()
    {
        var parent = await factory.AddCategoryAsync("Counted");
        var child = await factory.AddCategoryAsync("Counted child", parent.Id);
        var other = await factory.AddCategoryAsync("Counted other");
        var first = await factory.InsertProductAsync(parent.Id);
        var second = await factory.InsertProductAsync(parent.Id);
        var inChild = await factory.InsertProductAsync(child.Id);
        await factory.InsertProductAsync(parent.Id, available: false);
        var deleted = await factory.InsertProductAsync(parent.Id, deleted: true);
        await AssertTotalsAsync(parent.Slug, 3, 1);
        await AssertTotalsAsync(child.Slug, 1, 0);
        await AssertTotalsAsync(other.Slug, 0, 0);

        // A bulk statement that bypasses the change tracker moves a product to another category.
        await factory.WithCatalogDbAsync(db => db.Products.Where(p => p.Id == second.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.CategoryId, other.Id)));
        await AssertTotalsAsync(parent.Slug, 2, 1);
        await AssertTotalsAsync(other.Slug, 1, 0);

        // A tracked save hides one (unavailable) and the soft delete of another hides it from both counts.
        await factory.WithCatalogDbAsync(async db =>
        {
            var product = await db.Products.SingleAsync(p => p.Id == first.Id);
            product.Available = false;
            var childProduct = await db.Products.SingleAsync(p => p.Id == inChild.Id);
            childProduct.IsDeleted = true;
            return await db.SaveChangesAsync();
        });
        await AssertTotalsAsync(parent.Slug, 0, 2);
        await AssertTotalsAsync(child.Slug, 0, 0);

        // Restoring a deleted product counts it again; a hard delete takes it away.
        await factory.WithCatalogDbAsync(db => db.Products.Where(p => p.Id == deleted.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.IsDeleted, false)));
        await AssertTotalsAsync(parent.Slug, 1, 2);
        await factory.WithCatalogDbAsync(db => db.Products.Where(p => p.Id == second.Id).ExecuteDeleteAsync());
        await AssertTotalsAsync(other.Slug, 0, 0);

        // A write that changes none of the counted columns (price, stock, name) leaves them as they are.
        await factory.WithCatalogDbAsync(db => db.Products.Where(p => p.Id == deleted.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Price, 12m).SetProperty(p => p.OnHand, 9).SetProperty(p => p.Name, "Renamed")));
        await AssertTotalsAsync(parent.Slug, 1, 2);

        await AssertCountsAgreeWithTheProductsAsync();
    }

    [Fact]
    public async Task Products_created_and_deleted_in_parallel_in_one_category_leave_its_count_exact()
    {
        var category = await factory.AddCategoryAsync("Counted in parallel");
        var created = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => factory.InsertProductAsync(category.Id)));
        await AssertTotalsAsync(category.Slug, 24, 0);

        await Task.WhenAll(created.Take(10).Select(p => factory.WithCatalogDbAsync(db =>
            db.Products.Where(x => x.Id == p.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.IsDeleted, true)))));
        await AssertTotalsAsync(category.Slug, 14, 0);
        await AssertCountsAgreeWithTheProductsAsync();
    }

    /// <summary>The category's totals with the default availability and with <c>available=false</c>, and the whole catalog's.</summary>
    private async Task AssertTotalsAsync(string categorySlug, int available, int unavailable)
    {
        Assert.Equal(available, await TotalAsync($"/api/v1/products?category={categorySlug}"));
        Assert.Equal(available, await TotalAsync($"/api/v1/products?category={categorySlug}&sortBy=price&pageNumber=2"));
        Assert.Equal(unavailable, await TotalAsync($"/api/v1/products?category={categorySlug}&available=false"));
        var shown = await factory.WithCatalogDbAsync(db => db.Products.LongCountAsync(p => !p.IsDeleted && p.Available));
        Assert.Equal(shown, await TotalAsync("/api/v1/products"));
    }

    /// <summary>Each kept row equals a count of the products it stands for, and no shown group lacks a row.</summary>
    private Task<bool> AssertCountsAgreeWithTheProductsAsync() => factory.WithCatalogDbAsync(async db =>
    {
        var kept = await db.ListCounts.AsNoTracking().Where(c => c.Count != 0).ToListAsync();
        var counted = await db.Products.AsNoTracking().Where(p => !p.IsDeleted)
            .GroupBy(p => new { p.CategoryId, p.Available })
            .Select(g => new { g.Key.CategoryId, g.Key.Available, Count = g.LongCount() })
            .ToListAsync();
        Assert.Equal(
            counted.Select(c => (c.CategoryId, c.Available, c.Count)).Order(),
            kept.Select(c => (c.CategoryId, c.Available, c.Count)).Order());
        return true;
    });

    private async Task<long> TotalAsync(string url)
    {
        using var response = await _client.GetAsync(url);
        return (await response.ReadJsonAsync()).GetProperty("data").GetProperty("totalCount").GetInt64();
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteProductListCountTests(UncachedCatalogFactory factory) : ProductListCountTests<UncachedCatalogFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresProductListCountTests(PostgresUncachedCatalogFactory factory) : ProductListCountTests<PostgresUncachedCatalogFactory>(factory);
