using System.Text.Json;
using Mercato.Catalog.Categories;
using Mercato.Catalog.Products;
using Mercato.Catalog.Reviews;
using Mercato.Catalog.Stock;
using Mercato.Messaging;
using Mercato.Platform.Idempotency;
using Mercato.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Mercato.Catalog.Data;

/// <summary>
/// The Catalog module's database. Money is stored as whole cents (and percentages as hundredths)
/// in integer columns on both providers through <see cref="MoneyColumns"/>, so filters and sorts on
/// prices compare numbers exactly (SQLite has no decimal type); the code always sees <see cref="decimal"/>.
/// </summary>
internal class CatalogDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>Products (including deleted ones, which the shop never shows).</summary>
    public DbSet<Product> Products => Set<Product>();

    /// <summary>Shown products per category and availability, kept by the database's triggers (read only).</summary>
    public DbSet<ProductListCount> ListCounts => Set<ProductListCount>();

    /// <summary>Categories.</summary>
    public DbSet<Category> Categories => Set<Category>();

    /// <summary>Reviews.</summary>
    public DbSet<Review> Reviews => Set<Review>();

    /// <summary>Delivered purchases reported by Ordering.</summary>
    public DbSet<PurchaseRecord> Purchases => Set<PurchaseRecord>();

    /// <summary>Every stock movement.</summary>
    public DbSet<StockLedgerEntry> StockLedger => Set<StockLedgerEntry>();

    /// <summary>Reservations of stock for orders.</summary>
    public DbSet<Reservation> Reservations => Set<Reservation>();

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
        => configurationBuilder.UseUtcTimestamps();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Category>(e =>
        {
            e.ToTable("catalog_categories");
            e.HasKey(c => c.Id);
            e.Property(c => c.Name).HasMaxLength(100).IsRequired();
            e.Property(c => c.Slug).HasMaxLength(120).IsRequired();
            e.Property(c => c.Description).HasMaxLength(1000);
            e.Property(c => c.Image).HasMaxLength(500);
            e.HasIndex(c => c.Slug).IsUnique();
            e.HasIndex(c => c.ParentId);
            e.HasOne<Category>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Product>(e =>
        {
            e.ToTable("catalog_products");
            e.HasKey(p => p.Id);
            e.Property(p => p.Name).HasMaxLength(200).IsRequired();
            e.Property(p => p.Slug).HasMaxLength(220).IsRequired();
            e.Property(p => p.Sku).HasMaxLength(64).IsRequired();
            e.Property(p => p.Description).HasMaxLength(2000).IsRequired();
            e.Property(p => p.LongDescription).HasMaxLength(20000);
            e.Property(p => p.Price).HasConversion(MoneyColumns.Cents).HasColumnName("PriceCents");
            e.Property(p => p.CompareAtPrice).HasConversion(MoneyColumns.NullableCents).HasColumnName("CompareAtPriceCents");
            e.Property(p => p.DiscountPercent).HasConversion(MoneyColumns.Cents).HasColumnName("DiscountHundredths");
            e.Property(p => p.Version).IsConcurrencyToken();
            e.Property(p => p.Specifications).HasConversion(JsonConversion.Dictionary, JsonConversion.DictionaryComparer);
            e.OwnsMany(p => p.Images, i => i.ToJson());
            e.OwnsMany(p => p.Attributes, a => a.ToJson());
            e.Ignore(p => p.AvailableStock);
            e.Ignore(p => p.Rating);
            e.HasIndex(p => p.Slug).IsUnique();
            e.HasIndex(p => p.Sku).IsUnique();
            // The shop's product lists (Products/ProductListApi.cs) filter on category, availability
            // and price and sort by creation: these two indexes hold every column those filters,
            // the count and the default sort read, so a list is answered from the index alone
            // (no product row is read until the page's own rows). One for lists within
            // categories, one for lists without a category (price range or none).
            e.HasIndex(p => new { p.CategoryId, p.Available, p.Price, p.IsDeleted, p.CreatedAt, p.Id })
                .HasDatabaseName("IX_catalog_products_list_category");
            e.HasIndex(p => new { p.Available, p.Price, p.IsDeleted, p.CreatedAt, p.Id })
                .HasDatabaseName("IX_catalog_products_list_price");
            // The default list (no category, no price range: newest first) walks this index in
            // its order and stops after the page: no sort of every available product per page.
            // IsDeleted comes last, read from the index (NOT IsDeleted cannot seek).
            e.HasIndex(p => new { p.Available, p.CreatedAt, p.Id, p.IsDeleted })
                .HasDatabaseName("IX_catalog_products_list_newest");
            e.HasIndex(p => p.CreatedAt);
            // The search index's change feed (Search/Index/ProductSearchIndexer.cs) reads the
            // products changed since its checkpoint from this index alone.
            e.HasIndex(p => new { p.UpdatedAt, p.Id, p.Version }).HasDatabaseName("IX_catalog_products_changes");
            e.HasOne<Category>().WithMany().HasForeignKey(p => p.CategoryId).OnDelete(DeleteBehavior.Restrict);
            e.ToTable(t =>
            {
                t.HasCheckConstraint("CK_catalog_products_stock", "\"OnHand\" >= 0 AND \"Reserved\" >= 0 AND \"Reserved\" <= \"OnHand\"");
            });
        });

        modelBuilder.Entity<ProductListCount>(e =>
        {
            // Written only by the triggers of migration ProductListCounts (see ProductListCount).
            e.ToTable("catalog_list_counts");
            e.HasKey(c => new { c.CategoryId, c.Available });
        });

        modelBuilder.Entity<Review>(e =>
        {
            e.ToTable("catalog_reviews");
            e.HasKey(r => r.Id);
            e.Property(r => r.UserName).HasMaxLength(100).IsRequired();
            e.Property(r => r.Title).HasMaxLength(200).IsRequired();
            e.Property(r => r.Comment).HasMaxLength(5000).IsRequired();
            e.HasIndex(r => new { r.ProductId, r.UserId }).IsUnique();
            e.HasIndex(r => new { r.ProductId, r.CreatedAt });
            e.HasOne<Product>().WithMany().HasForeignKey(r => r.ProductId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<PurchaseRecord>(e =>
        {
            e.ToTable("catalog_purchases");
            e.HasKey(p => new { p.UserId, p.ProductId });
        });

        modelBuilder.Entity<StockLedgerEntry>(e =>
        {
            e.ToTable("catalog_stock_ledger");
            e.HasKey(l => l.Id);
            e.Property(l => l.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(l => l.Reason).HasMaxLength(500).IsRequired();
            e.Property(l => l.Actor).HasMaxLength(100);
            e.HasIndex(l => new { l.ProductId, l.Id });
            e.HasIndex(l => l.OrderId);
        });

        modelBuilder.Entity<Reservation>(e =>
        {
            e.ToTable("catalog_reservations");
            e.HasKey(r => r.Id);
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(r => new { r.OrderId, r.ProductId }).IsUnique();
            e.HasIndex(r => new { r.Status, r.ExpiresAt });
        });

        modelBuilder.AddMessagingTables();
        modelBuilder.AddIdempotencyTables();
    }

    private static class JsonConversion
    {
        public static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<Dictionary<string, string>, string> Dictionary =
            new(v => JsonSerializer.Serialize(v, JsonSerializerOptions.Default), v => JsonSerializer.Deserialize<Dictionary<string, string>>(v, JsonSerializerOptions.Default) ?? new());

        public static readonly ValueComparer<Dictionary<string, string>> DictionaryComparer = new(
            (a, b) => a != null && b != null && a.Count == b.Count && !a.Except(b).Any(),
            v => v.Aggregate(0, (hash, pair) => HashCode.Combine(hash, pair.Key, pair.Value)),
            v => new Dictionary<string, string>(v));
    }
}

/// <summary>The SQLite flavour, which owns the SQLite migrations.</summary>
internal sealed class CatalogSqliteDbContext(DbContextOptions<CatalogSqliteDbContext> options) : CatalogDbContext(options);

/// <summary>The PostgreSQL flavour, which owns the PostgreSQL migrations.</summary>
internal sealed class CatalogPostgresDbContext(DbContextOptions<CatalogPostgresDbContext> options) : CatalogDbContext(options);
