using Mercato.Catalog.Categories;
using Mercato.Catalog.Data;
using Mercato.Catalog.Products;
using Mercato.Catalog.Search;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Mercato.Catalog.Tests.Search;

/// <summary>
/// SQLite only (PostgreSQL's search column needs no triggers): a catalog indexed before the
/// <c>SearchTriggerLookups</c> migration keeps following renames and removals after it, so the
/// migration carried every existing product's full-text row over to the new lookup.
/// </summary>
public sealed class SqliteSearchIndexMigrationTests
{
    [Fact]
    public async Task Products_indexed_before_the_trigger_migration_follow_renames_and_removals_after_it()
    {
        using var folder = new TempDirectory();
        await using var db = new CatalogSqliteDbContext(new DbContextOptionsBuilder<CatalogSqliteDbContext>()
            .UseSqlite($"Data Source={folder.Combine("catalog.db")};Pooling=False").Options);
        await db.GetService<IMigrator>().MigrateAsync("20261123225259_Search");
        var now = DateTime.UtcNow;
        var category = new Category { Id = Guid.CreateVersion7(), Name = "Lamps", Slug = "lamps", CreatedAt = now, UpdatedAt = now };
        db.Categories.Add(category);
        var products = Enumerable.Range(0, 3).Select(i => new Product
        {
            Id = Guid.CreateVersion7(),
            Name = $"Amberglow{i} lamp",
            Slug = $"amberglow-{i}",
            Sku = $"AMB-{i}",
            Description = "A lamp.",
            Price = 10m,
            CategoryId = category.Id,
            CreatedAt = now,
            UpdatedAt = now,
        }).ToList();
        db.Products.AddRange(products);
        await db.SaveChangesAsync();

        await db.Database.MigrateAsync();
        await db.Products.Where(p => p.Id == products[1].Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Name, "Moonbeam lamp"));
        await db.Products.Where(p => p.Id == products[2].Id).ExecuteDeleteAsync();

        Assert.Equal([products[0].Id], (await new DatabaseSearchEngine(db).SearchAsync("amberglow0", 1, 20, default)).Hits.Select(h => h.Id));
        Assert.Empty((await new DatabaseSearchEngine(db).SearchAsync("amberglow1", 1, 20, default)).Hits);
        Assert.Equal([products[1].Id], (await new DatabaseSearchEngine(db).SearchAsync("moonbeam", 1, 20, default)).Hits.Select(h => h.Id));
        Assert.Empty((await new DatabaseSearchEngine(db).SearchAsync("amberglow2", 1, 20, default)).Hits);
        Assert.Equal(2, await db.Database.SqlQuery<int>($"SELECT COUNT(*) AS \"Value\" FROM catalog_products_fts").SingleAsync());
    }
}
