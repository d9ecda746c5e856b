using System.Diagnostics;
using Mercato.Catalog.Categories;
using Mercato.Catalog.Data;
using Mercato.Catalog.Products;
using Mercato.Catalog.Stock;
using Microsoft.EntityFrameworkCore;

// Usage: Mercato.CatalogSeeder --sqlite ./data/catalog.db --products 100000
//        Mercato.CatalogSeeder --postgres "Host=...;Database=mercato_catalog;..." --products 100000
var options = SeederOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("usage: Mercato.CatalogSeeder (--sqlite FILE | --postgres CONNECTION) [--products N] [--seed N]");
    return 2;
}

await using CatalogDbContext db = options.Postgres is { } connection
    ? new CatalogPostgresDbContext(new DbContextOptionsBuilder<CatalogPostgresDbContext>().UseNpgsql(connection).Options)
    : new CatalogSqliteDbContext(new DbContextOptionsBuilder<CatalogSqliteDbContext>().UseSqlite($"Data Source={options.Sqlite}").Options);
await db.Database.MigrateAsync();
if (await db.Products.AnyAsync())
{
    Console.Error.WriteLine("The catalog already has products; seed an empty database.");
    return 1;
}

var clock = Stopwatch.StartNew();
var random = new Random(options.Seed);
var now = DateTime.UtcNow;
var categories = CategoryTree.Build(now);
db.Categories.AddRange(categories);
await db.SaveChangesAsync();
var leaves = categories.Where(c => categories.All(child => child.ParentId != c.Id)).ToList();

db.ChangeTracker.AutoDetectChangesEnabled = false;
const int batch = 2_000;
for (var start = 0; start < options.Products; start += batch)
{
    for (var i = start; i < Math.Min(options.Products, start + batch); i++)
    {
        var product = ProductFactory.Create(i, leaves[random.Next(leaves.Count)].Id, random, now);
        db.Products.Add(product);
        db.StockLedger.Add(new StockLedgerEntry
        {
            Id = Guid.CreateVersion7(),
            ProductId = product.Id,
            Kind = StockChangeKind.Initial,
            OnHandChange = product.OnHand,
            OnHandAfter = product.OnHand,
            Reason = "benchmark seed",
            CreatedAt = now,
        });
    }

    await db.SaveChangesAsync();
    db.ChangeTracker.Clear();
    Console.WriteLine($"{Math.Min(options.Products, start + batch):N0} products ({clock.Elapsed.TotalSeconds:F0} s)");
}

Console.WriteLine($"Seeded {options.Products:N0} products in {categories.Count} categories in {clock.Elapsed.TotalSeconds:F1} s.");
return 0;

/// <summary>Command-line options.</summary>
internal sealed record SeederOptions(string? Sqlite, string? Postgres, int Products, int Seed)
{
    public static SeederOptions? Parse(string[] args)
    {
        string? sqlite = null, postgres = null;
        int products = 100_000, seed = 42;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--sqlite": sqlite = args[i + 1]; break;
                case "--postgres": postgres = args[i + 1]; break;
                case "--products": products = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture); break;
                case "--seed": seed = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture); break;
                default: return null;
            }
        }

        return (sqlite is null) == (postgres is null) || products < 1 ? null : new SeederOptions(sqlite, postgres, products, seed);
    }
}

/// <summary>A fixed tree: 5 departments of 4 categories each.</summary>
internal static class CategoryTree
{
    private static readonly string[] Departments = ["Electronics", "Home", "Sports", "Fashion", "Garden"];
    private static readonly string[] Kinds = ["Essentials", "Premium", "Accessories", "Outlet"];

    public static List<Category> Build(DateTime now)
    {
        var all = new List<Category>();
        foreach (var department in Departments)
        {
            var parent = New(department, department.ToLowerInvariant(), null, now);
            all.Add(parent);
            all.AddRange(Kinds.Select(kind => New($"{department} {kind}", $"{department}-{kind}".ToLowerInvariant(), parent.Id, now)));
        }

        return all;
    }

    private static Category New(string name, string slug, Guid? parentId, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        Name = name,
        Slug = slug,
        ParentId = parentId,
        CreatedAt = now,
        UpdatedAt = now,
    };
}

/// <summary>Deterministic products with realistic spreads of price, discount and stock.</summary>
internal static class ProductFactory
{
    private static readonly string[] Adjectives = ["Compact", "Smart", "Classic", "Ultra", "Eco", "Pro", "Light", "Rugged"];
    private static readonly string[] Nouns = ["Speaker", "Lamp", "Backpack", "Kettle", "Jacket", "Watch", "Chair", "Bottle", "Drill", "Blender"];
    private static readonly string[] Tags = ["new", "bestseller", "gift", "eco", "wireless", "outdoor", "kitchen", "travel"];

    public static Product Create(int index, Guid categoryId, Random random, DateTime now)
    {
        var name = $"{Adjectives[random.Next(Adjectives.Length)]} {Nouns[random.Next(Nouns.Length)]} {index:D6}";
        var price = Math.Round((decimal)(random.NextDouble() * 990 + 5), 2);
        decimal? list = random.Next(3) == 0 ? Math.Round(price * (1 + (decimal)random.Next(5, 60) / 100m), 2) : null;
        var sku = $"BENCH-{index:D6}";
        return new Product
        {
            Id = Guid.CreateVersion7(),
            Name = name,
            Slug = $"bench-{index:D6}",
            Sku = sku,
            Description = $"{name}: a benchmark product.",
            Price = price,
            CompareAtPrice = list,
            DiscountPercent = Product.DiscountFor(price, list),
            CategoryId = categoryId,
            Images = [new ProductImage { Url = $"/api/v1/catalog/media/products/{sku}.svg", Alt = name, IsPrimary = true }],
            Tags = [Tags[random.Next(Tags.Length)], Tags[random.Next(Tags.Length)]],
            OnHand = random.Next(0, 500),
            Available = random.Next(20) != 0,
            RatingTotal = 0,
            ReviewCount = 0,
            Version = 1,
            CreatedAt = now.AddMinutes(-index),
            UpdatedAt = now,
        };
    }
}
