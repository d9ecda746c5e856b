using Mercato.Catalog.Categories;
using Mercato.Catalog.Media;
using Mercato.Catalog.Products;
using Mercato.Catalog.Stock;

namespace Mercato.Catalog.DemoData;

/// <summary>
/// A demo shop: three top categories with two or three sub-categories each, and 25 products in
/// each sub-category (200 in all), drawn from word lists by a <see cref="Random"/> with a fixed
/// seed, so every empty catalog gets the same shop. Pictures (products' and categories') are Mercato's own SVGs.
/// </summary>
internal static class DemoCatalog
{
    /// <summary>Products per sub-category.</summary>
    public const int ProductsPerCategory = 25;

    private const int Seed = 5_2026;

    private static readonly string[] Adjectives =
        ["Classic", "Compact", "Deluxe", "Essential", "Everyday", "Premium", "Pro", "Smart", "Ultra", "Urban", "Vintage", "Wireless"];

    private static readonly string[] Brands = ["Aurora", "Borealis", "Cobalt", "Driftwood", "Ember", "Fjord", "Granite", "Halcyon"];

    private static readonly string[] Colors = ["Black", "White", "Silver", "Blue", "Red", "Green", "Graphite", "Sand"];

    private static readonly Section[] Sections =
    [
        new("Electronics", "Devices, gadgets and accessories",
        [
            new("Audio", "AUD", ["Headphones", "Earbuds", "Speaker", "Soundbar", "Turntable"], ["audio", "music", "bluetooth", "noise-canceling"]),
            new("Computers", "CMP", ["Laptop", "Keyboard", "Mouse", "Monitor", "Webcam"], ["computing", "office", "usb-c", "gaming"]),
            new("Phones", "PHN", ["Smartphone", "Phone Case", "Charger", "Power Bank", "Screen Protector"], ["mobile", "charging", "5g", "accessory"]),
        ]),
        new("Home & Kitchen", "Everything for the home",
        [
            new("Cookware", "CKW", ["Frying Pan", "Saucepan", "Chef Knife", "Cutting Board", "Dutch Oven"], ["kitchen", "cooking", "non-stick", "dishwasher-safe"]),
            new("Furniture", "FRN", ["Armchair", "Bookshelf", "Desk", "Side Table", "Stool"], ["furniture", "living-room", "wood", "assembly"]),
            new("Lighting", "LGT", ["Desk Lamp", "Floor Lamp", "Pendant Light", "LED Strip", "Lantern"], ["lighting", "led", "dimmable", "energy-saving"]),
        ]),
        new("Sports & Outdoors", "Gear for moving outside",
        [
            new("Camping", "CMG", ["Tent", "Sleeping Bag", "Camp Stove", "Backpack", "Headlamp"], ["camping", "hiking", "waterproof", "lightweight"]),
            new("Cycling", "CYC", ["Bike Helmet", "Bike Light", "Water Bottle", "Saddle Bag", "Cycling Gloves"], ["cycling", "bike", "safety", "reflective"]),
        ]),
    ];

    /// <summary>The demo shop, created at <paramref name="now"/>.</summary>
    public static DemoShop Create(DateTime now)
    {
        var random = new Random(Seed);
        var categories = new List<Category>();
        var products = new List<Product>();
        var ledger = new List<StockLedgerEntry>();
        for (var s = 0; s < Sections.Length; s++)
        {
            var section = Sections[s];
            var top = NewCategory(section.Name, section.Description, parentId: null, s, now);
            categories.Add(top);
            for (var c = 0; c < section.Children.Length; c++)
            {
                var child = section.Children[c];
                var category = NewCategory(child.Name, $"{child.Name} in {section.Name}", top.Id, c, now);
                categories.Add(category);
                for (var n = 1; n <= ProductsPerCategory; n++)
                {
                    var product = NewProduct(random, child, category, n, now);
                    products.Add(product);
                    ledger.Add(new StockLedgerEntry
                    {
                        Id = Guid.CreateVersion7(),
                        ProductId = product.Id,
                        Kind = StockChangeKind.Initial,
                        OnHandChange = product.OnHand,
                        OnHandAfter = product.OnHand,
                        Reason = "Demo data",
                        Actor = "demo-data",
                        CreatedAt = now,
                    });
                }
            }
        }

        return new DemoShop(categories, products, ledger);
    }

    private static Category NewCategory(string name, string description, Guid? parentId, int sortOrder, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        Name = name,
        Slug = Slug(name),
        Description = description,
        Image = MediaSvg.CategoryUrl(Slug(name)),
        ParentId = parentId,
        SortOrder = sortOrder,
        CreatedAt = now,
        UpdatedAt = now,
    };

    private static Product NewProduct(Random random, Leaf leaf, Category category, int number, DateTime now)
    {
        var brand = Pick(random, Brands);
        var noun = Pick(random, leaf.Nouns);
        var name = $"{brand} {Pick(random, Adjectives)} {noun}";
        var sku = $"{leaf.SkuPrefix}-{number:D3}";
        var price = random.Next(499, 49_999) / 100m;
        decimal? list = random.Next(3) == 0 ? Math.Round(price * (1 + (random.Next(10, 41) / 100m)), 2) : null;
        var onHand = random.Next(8) == 0 ? 0 : random.Next(5, 250);
        var color = Pick(random, Colors);
        var tags = leaf.Tags.OrderBy(_ => random.Next()).Take(random.Next(2, 4)).ToList();
        return new Product
        {
            Id = Guid.CreateVersion7(),
            Name = name,
            Slug = Slug($"{name} {sku}"),
            Sku = sku,
            Description = $"The {name.ToLowerInvariant()} from {brand}: a {color.ToLowerInvariant()} {noun.ToLowerInvariant()} for {leaf.Name.ToLowerInvariant()} lovers.",
            LongDescription = $"{name} is part of the {brand} {leaf.Name.ToLowerInvariant()} range. It comes in {color.ToLowerInvariant()} with a two-year warranty.",
            Price = price,
            CompareAtPrice = list,
            DiscountPercent = Product.DiscountFor(price, list),
            CategoryId = category.Id,
            Images = [new ProductImage { Url = MediaSvg.ProductUrl(sku), Alt = name, IsPrimary = true }],
            Tags = tags,
            Attributes = [new ProductAttribute { Name = "Color", Value = color }],
            Specifications = new Dictionary<string, string> { ["brand"] = brand, ["warranty"] = "2 years" },
            OnHand = onHand,
            Available = true,
            Version = 1,
            CreatedAt = now.AddMinutes(-random.Next(1, 60 * 24 * 90)),
            UpdatedAt = now,
        };
    }

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];

    private static string Slug(string text)
    {
        var slug = new string([.. text.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-')]);
        while (slug.Contains("--", StringComparison.Ordinal))
        {
            slug = slug.Replace("--", "-", StringComparison.Ordinal);
        }

        return slug.Trim('-');
    }

    private sealed record Section(string Name, string Description, Leaf[] Children);

    private sealed record Leaf(string Name, string SkuPrefix, string[] Nouns, string[] Tags);
}
