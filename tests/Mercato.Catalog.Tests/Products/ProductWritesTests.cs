using System.Net;
using System.Text.Json;
using Mercato.Catalog.Contracts;
using Mercato.Catalog.Stock;
using Mercato.Catalog.Tests.Support;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Mercato.Catalog.Tests.Products;

/// <summary>Admin product writes on <c>/api/v1/products</c> on one provider.</summary>
public abstract class ProductWritesTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : CatalogFactory
{
    private const string Url = "/api/v1/products";
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Creating_answers_201_in_the_detail_shape_with_stock_ledger_and_event()
    {
        var admin = await Tokens.AdminAsync(_client);
        var categoryId = await _client.CreateCategoryAsync(admin, "Wearables " + CatalogAdminApi.Unique());
        var suffix = CatalogAdminApi.Unique();
        using var response = await _client.SendAsync(HttpMethod.Post, Url, admin, SmartWatch(categoryId, suffix));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal("Product created successfully", body.GetProperty("message").GetString());
        var data = body.GetProperty("data");
        var id = data.GetProperty("id").GetGuid();
        Assert.Equal($"{Url}/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("smart-watch-pro-" + suffix, data.GetProperty("slug").GetString());
        Assert.Equal(399.99m, data.GetProperty("price").GetDecimal());
        Assert.Equal(399.99m, data.GetProperty("sellPrice").GetDecimal());
        Assert.Equal(499.99m, data.GetProperty("compareAtPrice").GetDecimal());
        Assert.Equal(20.00m, data.GetProperty("discount").GetDecimal());
        Assert.Equal(("SW-PRO-" + suffix).ToUpperInvariant(), data.GetProperty("sku").GetString());
        Assert.Equal(categoryId, data.GetProperty("category").GetProperty("id").GetGuid());
        Assert.Equal(100, data.GetProperty("stock").GetInt32());
        Assert.True(data.GetProperty("inStock").GetBoolean());
        Assert.Equal(["fitness", "smartwatch"], data.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).Order());
        Assert.Equal("TechWear", data.GetProperty("specifications").GetProperty("brand").GetString());
        Assert.True(Assert.Single(data.GetProperty("images").EnumerateArray()).GetProperty("isPrimary").GetBoolean());
        Assert.Equal("Silver", Assert.Single(data.GetProperty("attributes").EnumerateArray()).GetProperty("value").GetString());

        var stored = await factory.StoredProductAsync(id);
        Assert.Equal((100, 0, 1L, 20.00m), (stored!.OnHand, stored.Reserved, stored.Version, stored.DiscountPercent));
        var ledger = await factory.WithCatalogDbAsync(db => db.StockLedger.Where(l => l.ProductId == id).ToListAsync());
        var initial = Assert.Single(ledger);
        Assert.Equal((StockChangeKind.Initial, 100, 100), (initial.Kind, initial.OnHandChange, initial.OnHandAfter));
        var created = Assert.Single(await factory.ProductEventsAsync("catalog.product-created.v1", id));
        using var payload = JsonDocument.Parse(created.Payload);
        Assert.Equal(399.99m, payload.RootElement.GetProperty("price").GetDecimal());

        using var read = await _client.GetAsync($"{Url}/smart-watch-pro-{suffix}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var detail = (await read.ReadJsonAsync()).GetProperty("data");
        Assert.Equal(id, detail.GetProperty("id").GetGuid());
        Assert.Equal("Full detailed description", detail.GetProperty("longDescription").GetString());
        Assert.Equal(0, detail.GetProperty("reviews").GetArrayLength());
    }

    [Fact]
    public async Task The_slug_is_made_from_the_name_when_left_out()
    {
        var admin = await Tokens.AdminAsync(_client);
        var categoryId = await _client.CreateCategoryAsync(admin, "Misc " + CatalogAdminApi.Unique());
        var suffix = CatalogAdminApi.Unique();
        using var response = await _client.SendAsync(HttpMethod.Post, Url, admin, new
        {
            name = $"Desk Lamp {suffix}", description = "A lamp", price = 19.5m, sku = "LAMP-" + suffix, categoryId,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var data = (await response.ReadJsonAsync()).GetProperty("data");
        Assert.Equal($"desk-lamp-{suffix}", data.GetProperty("slug").GetString());
        Assert.Equal(0m, data.GetProperty("discount").GetDecimal());
        Assert.False(data.GetProperty("inStock").GetBoolean());
    }

    [Fact]
    public async Task Bad_fields_answer_400_naming_each_and_store_nothing()
    {
        var admin = await Tokens.AdminAsync(_client);
        var categoryId = await _client.CreateCategoryAsync(admin, "Bad " + CatalogAdminApi.Unique());
        var sku = ("BAD-" + CatalogAdminApi.Unique()).ToUpperInvariant();
        var cases = new (object Body, string Field)[]
        {
            (new { name = "", description = "d", price = 1m, sku, categoryId }, "name"),
            (new { name = "n", description = "", price = 1m, sku, categoryId }, "description"),
            (new { name = "n", description = "d", sku, categoryId }, "price"),
            (new { name = "n", description = "d", price = 0m, sku, categoryId }, "price"),
            (new { name = "n", description = "d", price = 1.005m, sku, categoryId }, "price"),
            (new { name = "n", description = "d", price = 10m, compareAtPrice = 9.99m, sku, categoryId }, "compareAtPrice"),
            (new { name = "n", description = "d", price = 1m, sku = "bad sku!", categoryId }, "sku"),
            (new { name = "n", description = "d", price = 1m, sku = new string('S', 65), categoryId }, "sku"),
            (new { name = "n", slug = "Bad Slug", description = "d", price = 1m, sku, categoryId }, "slug"),
            (new { name = "n", description = "d", price = 1m, sku }, "categoryId"),
            (new { name = "n", description = "d", price = 1m, sku, categoryId = Guid.NewGuid() }, "categoryId"),
            (new { name = "n", description = "d", price = 1m, sku, categoryId, images = new[] { new { url = "javascript:alert(1)" } } }, "images[0].url"),
            (new { name = "n", description = "d", price = 1m, sku, categoryId, tags = Enumerable.Range(0, 21).Select(i => $"t{i}").ToArray() }, "tags"),
            (new { name = "n", description = "d", price = 1m, sku, categoryId, tags = new[] { new string('t', 41) } }, "tags[0]"),
            (new { name = "n", description = "d", price = 1m, sku, categoryId, stock = -1 }, "stock"),
            (new { name = "n", description = "d", price = 1m, sku, categoryId, relatedProducts = new[] { Guid.NewGuid() } }, "relatedProducts"),
            (new { name = "n", description = "d", price = "cheap", sku, categoryId }, "price"),
        };

        foreach (var (body, field) in cases)
        {
            using var response = await _client.SendAsync(HttpMethod.Post, Url, admin, body);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{field}: {(int)response.StatusCode}");
            Assert.Contains(field, (await response.ReadErrorAsync()).ErrorFields());
        }

        Assert.False(await factory.WithCatalogDbAsync(db => db.Products.AnyAsync(p => p.Sku == sku)));
    }

    [Fact]
    public async Task A_duplicate_slug_or_sku_answers_409_naming_the_field()
    {
        var admin = await Tokens.AdminAsync(_client);
        var categoryId = await _client.CreateCategoryAsync(admin, "Dups " + CatalogAdminApi.Unique());
        var suffix = CatalogAdminApi.Unique();
        using var first = await _client.SendAsync(HttpMethod.Post, Url, admin, SmartWatch(categoryId, suffix));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        var other = CatalogAdminApi.Unique();
        using var sameSlug = await _client.SendAsync(HttpMethod.Post, Url, admin, new
        {
            name = "Other", slug = "smart-watch-pro-" + suffix, description = "d", price = 1m, sku = "OTHER-" + other, categoryId,
        });
        Assert.Equal(HttpStatusCode.Conflict, sameSlug.StatusCode);
        var slugError = await sameSlug.ReadErrorAsync();
        Assert.Equal(["ALREADY_EXISTS"], slugError.ErrorCodes());
        Assert.Equal(["slug"], slugError.ErrorFields());

        using var sameSku = await _client.SendAsync(HttpMethod.Post, Url, admin, new
        {
            name = "Other", slug = "other-" + other, description = "d", price = 1m, sku = ("sw-pro-" + suffix).ToLowerInvariant(), categoryId,
        });
        Assert.Equal(HttpStatusCode.Conflict, sameSku.StatusCode);
        var skuError = await sameSku.ReadErrorAsync();
        Assert.Equal(["ALREADY_EXISTS"], skuError.ErrorCodes());
        Assert.Equal(["sku"], skuError.ErrorFields());
        Assert.False(await factory.WithCatalogDbAsync(db => db.Products.AnyAsync(p => p.Slug == "other-" + other)));
    }

    [Fact]
    public async Task Parallel_creates_of_one_sku_make_one_product_and_409s()
    {
        var admin = await Tokens.AdminAsync(_client);
        var categoryId = await _client.CreateCategoryAsync(admin, "Race " + CatalogAdminApi.Unique());
        var sku = ("RACE-" + CatalogAdminApi.Unique()).ToUpperInvariant();
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => _client.SendAsync(HttpMethod.Post, Url, admin, new
        {
            name = $"Racer {i}", slug = $"racer-{i}-{sku.ToLowerInvariant()}", description = "d", price = 1m, sku, categoryId,
        })));
        try
        {
            Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
            foreach (var lost in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            {
                Assert.True(lost.StatusCode == HttpStatusCode.Conflict, $"A lost race answered {lost.StatusCode}; the server logged:{Environment.NewLine}{factory.Logs.Describe(LogLevel.Warning)}");
                Assert.Equal(["sku"], (await lost.ReadErrorAsync()).ErrorFields());
            }
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }

        Assert.Equal(1, await factory.WithCatalogDbAsync(db => db.Products.CountAsync(p => p.Sku == sku)));
    }

    [Fact]
    public async Task Put_with_every_required_field_replaces_the_product_but_not_its_stock_and_publishes_the_previous_price()
    {
        var admin = await Tokens.AdminAsync(_client);
        var categoryId = await _client.CreateCategoryAsync(admin, "Put " + CatalogAdminApi.Unique());
        var id = await CreateAsync(admin, categoryId);
        var suffix = CatalogAdminApi.Unique();

        using var replaced = await _client.SendAsync(HttpMethod.Put, $"{Url}/{id}", admin, new
        {
            name = "Replaced " + suffix, description = "New", price = 379.99m, sku = "NEW-" + suffix, categoryId,
        });
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var data = (await replaced.ReadJsonAsync()).GetProperty("data");
        Assert.Equal(JsonValueKind.Null, data.GetProperty("compareAtPrice").ValueKind);
        Assert.Equal(0, data.GetProperty("tags").GetArrayLength());
        Assert.Equal("replaced-" + suffix, data.GetProperty("slug").GetString());

        var stored = await factory.StoredProductAsync(id);
        Assert.Equal((379.99m, 0m, 100, 2L), (stored!.Price, stored.DiscountPercent, stored.OnHand, stored.Version));
        var updated = Assert.Single(await factory.ProductEventsAsync("catalog.product-updated.v1", id));
        using var payload = JsonDocument.Parse(updated.Payload);
        Assert.Equal((379.99m, 399.99m), (payload.RootElement.GetProperty("price").GetDecimal(), payload.RootElement.GetProperty("previousPrice").GetDecimal()));
    }

    [Fact]
    public async Task Patch_changes_only_the_given_fields()
    {
        var admin = await Tokens.AdminAsync(_client);
        var categoryId = await _client.CreateCategoryAsync(admin, "Patch " + CatalogAdminApi.Unique());
        var id = await CreateAsync(admin, categoryId);
        var before = await factory.StoredProductAsync(id);

        using var patched = await _client.SendAsync(HttpMethod.Patch, $"{Url}/{id}", admin, new { price = 449.99m, available = false });
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var after = await factory.StoredProductAsync(id);
        Assert.Equal((449.99m, 10.00m, false, before!.Version + 1), (after!.Price, after.DiscountPercent, after.Available, after.Version));
        Assert.Equal((before.Name, before.Sku, before.Slug, before.CompareAtPrice, before.OnHand), (after.Name, after.Sku, after.Slug, after.CompareAtPrice, after.OnHand));
        Assert.Equal(before.Tags, after.Tags);

        foreach (var (body, field) in new (object, string)[] { (new { price = 600m }, "compareAtPrice"), (new { stock = 5 }, "stock"), (new { name = "" }, "name") })
        {
            using var refused = await _client.SendAsync(HttpMethod.Patch, $"{Url}/{id}", admin, body);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal([field], (await refused.ReadErrorAsync()).ErrorFields());
        }

        Assert.Equal(after.Version, (await factory.StoredProductAsync(id))!.Version);
    }

    [Fact]
    public async Task Delete_hides_the_product_and_publishes_product_deleted()
    {
        var admin = await Tokens.AdminAsync(_client);
        var categoryId = await _client.CreateCategoryAsync(admin, "Delete " + CatalogAdminApi.Unique());
        var id = await CreateAsync(admin, categoryId);

        using var deleted = await _client.SendAsync(HttpMethod.Delete, $"{Url}/{id}", admin);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        var stored = await factory.StoredProductAsync(id);
        Assert.Equal((true, 2L), (stored!.IsDeleted, stored.Version));
        Assert.Single(await factory.ProductEventsAsync("catalog.product-deleted.v1", id));

        using var read = await _client.GetAsync($"{Url}/{id}");
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(["NOT_FOUND"], (await read.ReadErrorAsync()).ErrorCodes());
        using var again = await _client.SendAsync(HttpMethod.Delete, $"{Url}/{id}", admin);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        using var patch = await _client.SendAsync(HttpMethod.Patch, $"{Url}/{id}", admin, new { price = 1m });
        Assert.Equal(HttpStatusCode.NotFound, patch.StatusCode);
    }

    [Fact]
    public async Task Every_write_needs_an_administrator()
    {
        var admin = await Tokens.AdminAsync(_client);
        var (_, customer) = await Tokens.CustomerAsync(_client);
        var categoryId = await _client.CreateCategoryAsync(admin, "Guard " + CatalogAdminApi.Unique());
        var id = await CreateAsync(admin, categoryId);
        var sku = ("INTRUDER-" + CatalogAdminApi.Unique()).ToUpperInvariant();
        var full = new { name = "Intruder", description = "d", price = 1m, sku, categoryId };
        var writes = new (HttpMethod Method, string Url, object? Body)[]
        {
            (HttpMethod.Post, Url, full),
            (HttpMethod.Put, $"{Url}/{id}", full),
            (HttpMethod.Patch, $"{Url}/{id}", new { price = 1m }),
            (HttpMethod.Delete, $"{Url}/{id}", null),
        };

        foreach (var (method, url, body) in writes)
        {
            using var anonymous = await _client.SendAsync(method, url, null, body);
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.Equal(["UNAUTHORIZED"], (await anonymous.ReadErrorAsync()).ErrorCodes());
            using var forbidden = await _client.SendAsync(method, url, customer, body);
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
            Assert.Equal(["FORBIDDEN"], (await forbidden.ReadErrorAsync()).ErrorCodes());
        }

        var stored = await factory.StoredProductAsync(id);
        Assert.Equal((1L, false, 399.99m), (stored!.Version, stored.IsDeleted, stored.Price));
        Assert.False(await factory.WithCatalogDbAsync(db => db.Products.AnyAsync(p => p.Sku == sku)));
    }

    private static object SmartWatch(Guid categoryId, string suffix) => new
    {
        name = "Smart Watch Pro",
        slug = "smart-watch-pro-" + suffix,
        description = "Advanced fitness tracking smartwatch",
        longDescription = "Full detailed description",
        price = 399.99m,
        compareAtPrice = 499.99m,
        sku = "SW-PRO-" + suffix,
        categoryId,
        images = new[] { new { url = "https://cdn.example.com/products/sw-001-1.jpg", alt = "Smart Watch Front", isPrimary = true } },
        stock = 100,
        tags = new[] { "SmartWatch", "fitness", "smartwatch" },
        attributes = new[] { new { name = "Color", value = "Silver" } },
        specifications = new Dictionary<string, string> { ["brand"] = "TechWear", ["waterResistance"] = "5ATM" },
    };

    private async Task<Guid> CreateAsync(string admin, Guid categoryId)
    {
        using var response = await _client.SendAsync(HttpMethod.Post, Url, admin, SmartWatch(categoryId, CatalogAdminApi.Unique()));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("data").GetProperty("id").GetGuid();
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteProductWritesTests(CatalogFactory factory) : ProductWritesTests<CatalogFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresProductWritesTests(PostgresCatalogFactory factory) : ProductWritesTests<PostgresCatalogFactory>(factory);
