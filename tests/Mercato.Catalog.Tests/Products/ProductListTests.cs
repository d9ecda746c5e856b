using System.Net;
using System.Text.Json;
using Mercato.Catalog.Products;
using Mercato.Catalog.Tests.Support;
using Mercato.Testing;

namespace Mercato.Catalog.Tests.Products;

/// <summary><c>GET /api/v1/products</c> and <c>GET /api/v1/categories/{id}/products</c> on one provider; each test works in its own category.</summary>
public abstract class ProductListTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : CatalogFactory
{
    private readonly HttpClient _client = factory.CreateClient();
    private readonly Dictionary<string, Guid> _categories = [];

    [Fact]
    public async Task The_default_list_shows_available_undeleted_products_in_the_item_shape_and_pagination_object()
    {
        var (slug, _) = await CategoryAsync();
        var shown = await InsertAsync(slug, 25m, p => (p.CompareAtPrice, p.Tags, p.OnHand, p.Reserved) = (50m, ["blue"], 7, 2));
        await InsertAsync(slug, 10m, p => p.Available = false);
        await InsertAsync(slug, 10m, p => p.IsDeleted = true);

        var page = await PageAsync($"/api/v1/products?category={slug}");
        Assert.Equal((1, 20, 1, 1L), (page.GetProperty("pageNumber").GetInt32(), page.GetProperty("pageSize").GetInt32(), page.GetProperty("totalPages").GetInt32(), page.GetProperty("totalCount").GetInt64()));
        Assert.False(page.GetProperty("hasNextPage").GetBoolean());
        var item = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal(shown.Id, item.GetProperty("id").GetGuid());
        Assert.Equal((25m, 50m, 50m, 25m), (item.GetProperty("price").GetDecimal(), item.GetProperty("compareAtPrice").GetDecimal(), item.GetProperty("discount").GetDecimal(), item.GetProperty("sellPrice").GetDecimal()));
        Assert.Equal((5, true, true), (item.GetProperty("stock").GetInt32(), item.GetProperty("inStock").GetBoolean(), item.GetProperty("available").GetBoolean()));
        Assert.Equal(slug, item.GetProperty("category").GetProperty("slug").GetString());
        Assert.Equal("blue", Assert.Single(item.GetProperty("tags").EnumerateArray()).GetString());
        Assert.False(item.TryGetProperty("longDescription", out _));
    }

    [Fact]
    public async Task Each_filter_alone_and_their_aliases()
    {
        var (slug, _) = await CategoryAsync();
        var cheap = await InsertAsync(slug, 5m, p => (p.Tags, p.OnHand) = (["red", "sale"], 0));
        var middle = await InsertAsync(slug, 50m, p => (p.CompareAtPrice, p.Tags, p.Name) = (100m, ["green"], $"Blue Kettle {p.Slug}"));
        var dear = await InsertAsync(slug, 500m, p => (p.CompareAtPrice, p.Description, p.Sku) = (625m, "A LARGE teapot", p.Sku + "-XQZ"));
        var hidden = await InsertAsync(slug, 60m, p => p.Available = false);
        var cases = new (string Query, Guid[] Expected)[]
        {
            ("minPrice=50", [middle.Id, dear.Id]),
            ("maxPrice=50", [cheap.Id, middle.Id]),
            ("price_min=6&price_max=499.99", [middle.Id]),
            ("minDiscount=25", [middle.Id]),
            ("maxDiscount=20", [cheap.Id, dear.Id]),
            ("discount_min=10&discount_max=30", [dear.Id]),
            ("available=false", [hidden.Id]),
            ("available=False", [hidden.Id]),
            ("available=True", [cheap.Id, middle.Id, dear.Id]),
            ("inStock=false", [cheap.Id]),
            ("inStock=true", [middle.Id, dear.Id]),
            ("maxStock=0", [cheap.Id]),
            ("maxStock=1000000", [cheap.Id, middle.Id, dear.Id]),
            ("tags=GREEN,sale", [cheap.Id, middle.Id]),
            ("tags=nothing", []),
            ("q=blue%20kettle", [middle.Id]),
            ("search=large", [dear.Id]),
            ("q=xqz", [dear.Id]),
            ("minPrice=10&maxPrice=1000&inStock=true&tags=green", [middle.Id]),
        };

        foreach (var (query, expected) in cases)
        {
            var page = await PageAsync($"/api/v1/products?category={slug}&{query}");
            Assert.True(expected.Order().SequenceEqual(Ids(page).Order()), $"{query}: {string.Join(",", Ids(page))}");
            Assert.Equal(expected.Length, page.GetProperty("totalCount").GetInt64());
        }
    }

    [Fact]
    public async Task A_category_includes_its_sub_categories_by_id_or_slug_and_on_its_own_route()
    {
        var admin = await Tokens.AdminAsync(_client);
        var (slug, id) = await CategoryAsync();
        var childId = await _client.CreateCategoryAsync(admin, "Sub " + CatalogAdminApi.Unique(), id);
        var inParent = await factory.InsertProductAsync(id, 10m);
        var inChild = await factory.InsertProductAsync(childId, 20m);

        foreach (var url in new[] { $"/api/v1/products?category={slug}", $"/api/v1/products?category={id}", $"/api/v1/categories/{slug}/products", $"/api/v1/categories/{id}/products" })
        {
            Assert.Equal([inParent.Id, inChild.Id], Ids(await PageAsync(url + (url.Contains('?') ? "&" : "?") + "sortBy=price")));
        }

        Assert.Equal([inChild.Id], Ids(await PageAsync($"/api/v1/categories/{childId}/products")));
        Assert.Equal([inChild.Id], Ids(await PageAsync($"/api/v1/categories/{slug}/products?minPrice=15")));
        using var unknown = await _client.GetAsync($"/api/v1/categories/nothing-{CatalogAdminApi.Unique()}/products");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(["NOT_FOUND"], (await unknown.ReadErrorAsync()).ErrorCodes());
    }

    [Fact]
    public async Task Sort_orders()
    {
        var (slug, _) = await CategoryAsync();
        var start = factory.Clock.GetUtcNow().UtcDateTime;
        var a = await InsertAsync(slug, 30m, p => (p.Name, p.CompareAtPrice, p.RatingTotal, p.ReviewCount, p.CreatedAt) = ("Apple " + p.Slug, 40m, 8, 2, start.AddDays(-3)));
        var b = await InsertAsync(slug, 10m, p => (p.Name, p.RatingTotal, p.ReviewCount, p.CreatedAt) = ("Banana " + p.Slug, 5, 1, start.AddDays(-1)));
        var c = await InsertAsync(slug, 20m, p => (p.Name, p.CompareAtPrice, p.CreatedAt) = ("Cherry " + p.Slug, 80m, start.AddDays(-2)));
        var cases = new (string Query, Guid[] Expected)[]
        {
            ("", [b.Id, c.Id, a.Id]),
            ("sortBy=createdAt&sortOrder=asc", [a.Id, c.Id, b.Id]),
            ("sortBy=price", [b.Id, c.Id, a.Id]),
            ("sortBy=price&sortOrder=desc", [a.Id, c.Id, b.Id]),
            ("sortBy=discount&sortOrder=desc", [c.Id, a.Id, b.Id]),
            ("sortBy=rating&sortOrder=desc", [b.Id, a.Id, c.Id]),
            ("sortBy=rating&sortOrder=asc", [c.Id, a.Id, b.Id]),
            ("sortBy=name&sortOrder=desc", [c.Id, b.Id, a.Id]),
        };

        foreach (var (query, expected) in cases)
        {
            Assert.True(expected.SequenceEqual(Ids(await PageAsync($"/api/v1/products?category={slug}&{query}"))), query);
        }
    }

    [Fact]
    public async Task Pagination_edges()
    {
        var (slug, _) = await CategoryAsync();
        for (var i = 1; i <= 5; i++)
        {
            await InsertAsync(slug, i);
        }

        var second = await PageAsync($"/api/v1/products?category={slug}&sortBy=price&pageSize=2&pageNumber=2");
        Assert.Equal([3m, 4m], second.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("price").GetDecimal()));
        Assert.Equal((3, 5L, true, true), (second.GetProperty("totalPages").GetInt32(), second.GetProperty("totalCount").GetInt64(), second.GetProperty("hasPreviousPage").GetBoolean(), second.GetProperty("hasNextPage").GetBoolean()));
        var past = await PageAsync($"/api/v1/products?category={slug}&pageSize=2&pageNumber=9");
        Assert.Equal((0, 5L), (past.GetProperty("items").GetArrayLength(), past.GetProperty("totalCount").GetInt64()));
        var largest = await PageAsync($"/api/v1/products?category={slug}&pageSize={ProductListQuery.MaxPageSize}");
        Assert.Equal(5, largest.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Every_page_of_every_sort_put_together_is_the_whole_list_in_order_with_ties_broken_by_id()
    {
        // Pages in the back half of the matches are read from the other end in the reversed order:
        // each must still hold exactly its own products, in the order of the list read at once.
        var (slug, _) = await CategoryAsync();
        var start = factory.Clock.GetUtcNow().UtcDateTime;
        for (var i = 0; i < 7; i++)
        {
            var n = i;
            await InsertAsync(slug, 10m + (n % 3), p => (p.Name, p.CompareAtPrice, p.RatingTotal, p.ReviewCount, p.CreatedAt) =
                ($"Item {n % 4} {p.Slug}", 20m, n % 2 * 4, n % 2, start.AddMinutes(-(n % 3))));
        }

        foreach (var sort in new[] { "createdAt", "name", "price", "discount", "rating" })
        {
            foreach (var order in new[] { "asc", "desc" })
            {
                var query = $"/api/v1/products?category={slug}&sortBy={sort}&sortOrder={order}";
                var whole = Ids(await PageAsync($"{query}&pageSize=100"));
                Assert.Equal(7, whole.Count);
                foreach (var size in new[] { 2, 3 })
                {
                    var pages = new List<Guid>();
                    for (var number = 1; number <= (7 + size - 1) / size; number++)
                    {
                        pages.AddRange(Ids(await PageAsync($"{query}&pageSize={size}&pageNumber={number}")));
                    }

                    Assert.True(whole.SequenceEqual(pages), $"{sort} {order}, pages of {size}");
                }
            }
        }
    }

    [Fact]
    public async Task Bad_values_answer_400_naming_the_field()
    {
        var (slug, _) = await CategoryAsync();
        var cases = new (string Query, string Field)[]
        {
            ("pageSize=0", "pageSize"),
            ("pageSize=101", "pageSize"),
            ("pageNumber=0", "pageNumber"),
            ("pageSize=abc", "pageSize"),
            ("minPrice=abc", "minPrice"),
            ("minPrice=-1", "minPrice"),
            ("minPrice=10&maxPrice=5", "maxPrice"),
            ("price_min=10&price_max=5", "price_max"),
            ("maxDiscount=101", "maxDiscount"),
            ("available=maybe", "available"),
            ("inStock=2", "inStock"),
            ("maxStock=-1", "maxStock"),
            ("maxStock=1000001", "maxStock"),
            ("maxStock=few", "maxStock"),
            ("sortBy=color", "sortBy"),
            ("sortOrder=up", "sortOrder"),
            ("category=no-such-category-" + slug, "category"),
            ("q=" + new string('q', 201), "q"),
        };

        foreach (var (query, field) in cases)
        {
            using var response = await _client.GetAsync($"/api/v1/products?{query}");
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{query}: {(int)response.StatusCode}");
            Assert.Contains(field, (await response.ReadErrorAsync()).ErrorFields());
        }
    }

    private static List<Guid> Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid())];

    private async Task<(string Slug, Guid Id)> CategoryAsync()
    {
        var admin = await Tokens.AdminAsync(_client);
        var slug = "list-" + CatalogAdminApi.Unique();
        _categories[slug] = await _client.CreateCategoryAsync(admin, "List " + slug, slug: slug);
        return (slug, _categories[slug]);
    }

    private Task<Product> InsertAsync(string categorySlug, decimal price, Action<Product>? configure = null)
        => factory.InsertProductAsync(_categories[categorySlug], price, configure: configure);

    private async Task<JsonElement> PageAsync(string url)
    {
        using var response = await _client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.ReadJsonAsync()).GetProperty("data");
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteProductListTests(CatalogFactory factory) : ProductListTests<CatalogFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresProductListTests(PostgresCatalogFactory factory) : ProductListTests<PostgresCatalogFactory>(factory);
