using System.Net;
using System.Text.Json;
using Mercato.Catalog.Contracts;
using Mercato.Messaging.Outbox;
using Mercato.Messaging.Events;
using Mercato.Catalog.Stock;
using Mercato.Catalog.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Catalog.Tests.DemoData;

/// <summary>The demo shop created on the first start of an empty catalog.</summary>
public sealed class DemoDataTests
{
    private static CatalogFactory WithDemoData(CatalogFactory factory)
    {
        factory.Settings["Catalog:DemoData:Enabled"] = "true";
        return factory;
    }

    [Fact]
    public async Task An_empty_catalog_gets_about_200_products_in_a_nested_tree_with_a_ledger()
    {
        await using var factory = WithDemoData(new CatalogFactory());
        using var client = factory.CreateClient();

        var (categories, products, ledger) = await factory.WithDbAsync(async db => (
            await db.Categories.AsNoTracking().ToListAsync(),
            await db.Products.AsNoTracking().ToListAsync(),
            await db.StockLedger.AsNoTracking().ToListAsync()));

        Assert.Equal(200, products.Count);
        var tops = categories.Where(c => c.ParentId is null).ToList();
        Assert.Equal(3, tops.Count);
        Assert.All(tops, top => Assert.InRange(categories.Count(c => c.ParentId == top.Id), 2, 3));
        var leaves = categories.Where(c => c.ParentId is not null).Select(c => c.Id).ToHashSet();
        Assert.All(products, p => Assert.Contains(p.CategoryId, leaves));
        Assert.Equal(products.Count, products.Select(p => p.Sku).Distinct().Count());
        Assert.All(products, p =>
        {
            Assert.True(p.Price > 0);
            Assert.Equal(Mercato.Catalog.Products.Product.DiscountFor(p.Price, p.CompareAtPrice), p.DiscountPercent);
            Assert.Single(p.Images);
            Assert.StartsWith("/api/v1/catalog/media/products/", p.Images[0].Url, StringComparison.Ordinal);
        });
        Assert.Contains(products, p => p.CompareAtPrice is not null);
        Assert.Contains(products, p => p.OnHand == 0);

        Assert.Equal(products.Count, ledger.Count);
        Assert.All(ledger, l => Assert.Equal(StockChangeKind.Initial, l.Kind));
        Assert.All(products, p => Assert.Equal(p.OnHand, ledger.Single(l => l.ProductId == p.Id).OnHandAfter));

        // The same shop every time: the words come from a seeded generator.
        Assert.Equal(
            Mercato.Catalog.DemoData.DemoCatalog.Create(DateTime.UtcNow).Products.Select(p => (p.Sku, p.Name, p.Price)).Order(),
            products.Select(p => (p.Sku, p.Name, p.Price)).Order());
    }

    [Fact]
    public async Task Every_demo_product_and_category_image_is_an_svg_served_by_the_same_host_with_long_caching()
    {
        await using var factory = WithDemoData(new CatalogFactory());
        using var client = factory.CreateClient();
        var products = await factory.WithDbAsync(db => db.Products.AsNoTracking().ToListAsync());
        var categories = await factory.WithDbAsync(db => db.Categories.AsNoTracking().ToListAsync());
        var pictures = products.Select(p => (p.Images.Single().Url, p.Sku))
            .Concat(categories.Select(c => (c.Image!, c.Slug)))
            .ToList();
        Assert.Equal(211, pictures.Count);

        foreach (var (url, key) in pictures)
        {
            Assert.DoesNotContain("//", url, StringComparison.Ordinal);
            using var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
            Assert.True(response.Headers.CacheControl?.Public);
            Assert.True(response.Headers.CacheControl?.MaxAge >= TimeSpan.FromDays(7));
            var svg = await response.Content.ReadAsStringAsync();
            Assert.StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"", svg, StringComparison.Ordinal);
            Assert.Contains(key, svg, StringComparison.Ordinal);
            _ = System.Xml.Linq.XDocument.Parse(svg);
        }
    }

    [Fact]
    public async Task A_second_start_adds_nothing()
    {
        await using var first = WithDemoData(new CatalogFactory());
        using (first.CreateClient())
        {
            Assert.Equal(200, await first.WithDbAsync(db => db.Products.CountAsync()));
        }

        await using var second = WithDemoData(new CatalogFactory());
        second.Settings["Persistence:DataDirectory"] = first.DataDirectory;
        using var client = second.CreateClient();

        Assert.Equal(200, await second.WithDbAsync(db => db.Products.CountAsync()));
        Assert.Equal(200, await second.WithDbAsync(db => db.StockLedger.CountAsync()));
        Assert.Equal(11, await second.WithDbAsync(db => db.Categories.CountAsync()));
        Assert.Equal(200, await second.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.Type == "catalog.product-created.v1")));
        // The first start's seeding (the module's own work) is audited once; the second adds no entry.
        Assert.Equal(1, await second.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.Type == "platform.audit-recorded.v1")));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Every_demo_product_is_announced_with_a_product_created_event_in_the_outbox(bool postgres)
    {
        await using var factory = WithDemoData(postgres ? new PostgresCatalogFactory() : new CatalogFactory());
        using var client = factory.CreateClient();

        var products = await factory.WithDbAsync(db => db.Products.AsNoTracking().ToDictionaryAsync(p => p.Id));
        var all = await factory.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking().ToListAsync());
        // Besides the events, one audit entry set of the seeding, the module's own work, in the same save.
        var audit = Assert.Single(all, row => row.Type == "platform.audit-recorded.v1");
        Assert.Equal("catalog", audit.Source);
        var outbox = all.Where(row => row.Id != audit.Id).ToList();

        Assert.Equal(products.Count, outbox.Count);
        Assert.All(outbox, row => Assert.Equal(("catalog.product-created.v1", "catalog"), (row.Type, row.Source)));
        var events = outbox.Select(row => JsonSerializer.Deserialize<ProductCreated>(row.Payload, EventSerializer.Options)!).ToList();
        Assert.Equal(products.Keys.Order(), events.Select(e => e.ProductId).Order());
        Assert.All(events, e =>
        {
            var product = products[e.ProductId];
            Assert.Equal((product.Name, product.Sku, product.Price, product.CompareAtPrice, product.Available), (e.Name, e.Sku, e.Price, e.CompareAtPrice, e.Available));
        });
    }

    [Fact]
    public async Task A_catalog_with_any_product_gets_no_demo_data()
    {
        await using var first = new CatalogFactory();
        using (first.CreateClient())
        {
            await first.AddProductAsync(p => p.IsDeleted = true);
        }

        await using var second = WithDemoData(new CatalogFactory());
        second.Settings["Persistence:DataDirectory"] = first.DataDirectory;
        using var client = second.CreateClient();

        Assert.Equal(1, await second.WithDbAsync(db => db.Products.CountAsync()));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_demo_shop_is_searchable_on_both_providers(bool postgres)
    {
        await using var factory = WithDemoData(postgres ? new PostgresCatalogFactory() : new CatalogFactory());
        using var client = factory.CreateClient();
        var expected = Mercato.Catalog.DemoData.DemoCatalog.Create(DateTime.UtcNow).Products
            .Count(p => p.Name.Contains("Headphones", StringComparison.Ordinal) || p.Description.Contains("headphones", StringComparison.Ordinal));

        using var response = await client.GetAsync("/api/v1/products/search?q=headphones&pageSize=100");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var data = (await Mercato.Testing.Envelope.ReadJsonAsync(response)).GetProperty("data");
        Assert.Equal(200, await factory.WithDbAsync(db => db.Products.CountAsync()));
        Assert.True(expected > 0);
        Assert.Equal(expected, data.GetProperty("totalCount").GetInt64());
        Assert.All(data.GetProperty("items").EnumerateArray(), i => Assert.Contains("Headphones", i.GetProperty("name").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Disabled_demo_data_leaves_the_catalog_empty()
    {
        await using var factory = new CatalogFactory();
        using var client = factory.CreateClient();

        Assert.Equal(0, await factory.WithDbAsync(db => db.Products.CountAsync()));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Categories.CountAsync()));
    }
}
