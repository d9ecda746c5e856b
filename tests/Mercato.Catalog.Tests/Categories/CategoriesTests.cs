using System.Net;
using System.Text.Json;
using Mercato.Catalog.Tests.Support;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Catalog.Tests.Categories;

/// <summary><c>/api/v1/categories</c> on one provider.</summary>
public abstract class CategoriesTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : CatalogFactory
{
    private const string Url = "/api/v1/categories";
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_created_tree_is_listed_nested_and_found_by_id_and_by_slug()
    {
        var admin = await Tokens.AdminAsync(_client);
        var suffix = CatalogAdminApi.Unique();
        using var created = await _client.SendAsync(HttpMethod.Post, Url, admin, new
        {
            name = "Electronics " + suffix,
            slug = "electronics-" + suffix,
            description = "Electronic devices and accessories",
            image = "https://cdn.example.com/categories/electronics.jpg",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.ReadJsonAsync();
        Assert.Equal("Category created successfully", body.GetProperty("message").GetString());
        var rootId = body.GetProperty("data").GetProperty("id").GetGuid();
        Assert.Equal($"{Url}/{rootId}", created.Headers.Location?.OriginalString);
        var childId = await _client.CreateCategoryAsync(admin, "Audio " + suffix, rootId);

        using var list = await _client.GetAsync(Url);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var roots = (await list.ReadJsonAsync()).GetProperty("data").EnumerateArray().ToList();
        var root = roots.Single(c => c.GetProperty("id").GetGuid() == rootId);
        Assert.Equal("Electronics " + suffix, root.GetProperty("name").GetString());
        Assert.Equal("electronics-" + suffix, root.GetProperty("slug").GetString());
        Assert.Equal("Electronic devices and accessories", root.GetProperty("description").GetString());
        Assert.Equal("https://cdn.example.com/categories/electronics.jpg", root.GetProperty("image").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("parentId").ValueKind);
        Assert.Equal(0, root.GetProperty("productCount").GetInt32());
        var child = Assert.Single(root.GetProperty("children").EnumerateArray());
        Assert.Equal(childId, child.GetProperty("id").GetGuid());
        Assert.Equal(rootId, child.GetProperty("parentId").GetGuid());
        Assert.DoesNotContain(roots, c => c.GetProperty("id").GetGuid() == childId);

        foreach (var key in new[] { rootId.ToString(), "electronics-" + suffix })
        {
            using var one = await _client.GetAsync($"{Url}/{key}");
            Assert.Equal(HttpStatusCode.OK, one.StatusCode);
            var data = (await one.ReadJsonAsync()).GetProperty("data");
            Assert.Equal(rootId, data.GetProperty("id").GetGuid());
            Assert.Equal(childId, Assert.Single(data.GetProperty("children").EnumerateArray()).GetProperty("id").GetGuid());
        }
    }

    [Fact]
    public async Task The_slug_is_made_from_the_name_when_left_out()
    {
        var admin = await Tokens.AdminAsync(_client);
        var suffix = CatalogAdminApi.Unique();
        var id = await _client.CreateCategoryAsync(admin, $"  Home & Garden -- Deluxe! {suffix} ");
        var stored = await factory.WithCatalogDbAsync(db => db.Categories.SingleAsync(c => c.Id == id));
        Assert.Equal($"home-garden-deluxe-{suffix}", stored.Slug);
    }

    [Fact]
    public async Task Product_count_covers_available_undeleted_products_of_the_category_and_its_descendants()
    {
        var admin = await Tokens.AdminAsync(_client);
        var rootId = await _client.CreateCategoryAsync(admin, "Root " + CatalogAdminApi.Unique());
        var childId = await _client.CreateCategoryAsync(admin, "Child " + CatalogAdminApi.Unique(), rootId);
        var grandchildId = await _client.CreateCategoryAsync(admin, "Grandchild " + CatalogAdminApi.Unique(), childId);
        await factory.InsertProductAsync(rootId);
        await factory.InsertProductAsync(childId);
        await factory.InsertProductAsync(childId, available: false);
        await factory.InsertProductAsync(childId, deleted: true);
        await factory.InsertProductAsync(grandchildId);
        await factory.InsertProductAsync(grandchildId);

        using var list = await _client.GetAsync(Url);
        var root = (await list.ReadJsonAsync()).GetProperty("data").EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == rootId);
        Assert.Equal(4, root.GetProperty("productCount").GetInt32());
        var child = Assert.Single(root.GetProperty("children").EnumerateArray());
        Assert.Equal(3, child.GetProperty("productCount").GetInt32());
        Assert.Equal(2, Assert.Single(child.GetProperty("children").EnumerateArray()).GetProperty("productCount").GetInt32());
    }

    [Fact]
    public async Task Bad_fields_answer_400_naming_each_and_store_nothing()
    {
        var admin = await Tokens.AdminAsync(_client);
        var name = "Bad " + CatalogAdminApi.Unique();
        using var response = await _client.SendAsync(HttpMethod.Post, Url, admin, new
        {
            name = "",
            slug = "Not A Slug",
            image = "ftp://example.com/a.jpg",
            description = new string('d', 1001),
            sortOrder = -1,
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.ReadErrorAsync();
        Assert.Equal(["description", "image", "name", "slug", "sortOrder"], error.ErrorFields().Distinct().Order());

        using var wrongType = await _client.SendAsync(HttpMethod.Post, Url, admin, new { name, parentId = "not-a-guid" });
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Equal("parentId", Assert.Single((await wrongType.ReadErrorAsync()).ErrorFields()));

        using var missingParent = await _client.SendAsync(HttpMethod.Post, Url, admin, new { name, parentId = Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.BadRequest, missingParent.StatusCode);
        Assert.Equal("parentId", Assert.Single((await missingParent.ReadErrorAsync()).ErrorFields()));
        Assert.False(await factory.WithCatalogDbAsync(db => db.Categories.AnyAsync(c => c.Name == name)));
    }

    [Fact]
    public async Task A_duplicate_slug_answers_409_already_exists_on_create_and_update()
    {
        var admin = await Tokens.AdminAsync(_client);
        var slug = "dup-" + CatalogAdminApi.Unique();
        await _client.CreateCategoryAsync(admin, "First", slug: slug);
        using var second = await _client.SendAsync(HttpMethod.Post, Url, admin, new { name = "Second", slug });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var error = await second.ReadErrorAsync();
        Assert.Equal(["ALREADY_EXISTS"], error.ErrorCodes());
        Assert.Equal(["slug"], error.ErrorFields());

        var otherId = await _client.CreateCategoryAsync(admin, "Other " + CatalogAdminApi.Unique());
        using var update = await _client.SendAsync(HttpMethod.Put, $"{Url}/{otherId}", admin, new { name = "Other", slug });
        Assert.Equal(HttpStatusCode.Conflict, update.StatusCode);
        Assert.Equal(["ALREADY_EXISTS"], (await update.ReadErrorAsync()).ErrorCodes());
        Assert.Equal(1, await factory.WithCatalogDbAsync(db => db.Categories.CountAsync(c => c.Slug == slug)));
    }

    [Fact]
    public async Task Put_replaces_every_field_and_refuses_a_cycle()
    {
        var admin = await Tokens.AdminAsync(_client);
        var rootId = await _client.CreateCategoryAsync(admin, "Root " + CatalogAdminApi.Unique());
        var childId = await _client.CreateCategoryAsync(admin, "Child " + CatalogAdminApi.Unique(), rootId);
        var grandchildId = await _client.CreateCategoryAsync(admin, "Grandchild " + CatalogAdminApi.Unique(), childId);
        var slug = "renamed-" + CatalogAdminApi.Unique();
        factory.Clock.Advance(TimeSpan.FromSeconds(1)); // tokens are issued on this clock and checked on the real one (30 s skew): keep steps small

        using var updated = await _client.SendAsync(HttpMethod.Put, $"{Url}/{childId}", admin, new { name = "Renamed", slug, description = "New", sortOrder = 3 });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var data = (await updated.ReadJsonAsync()).GetProperty("data");
        Assert.Equal(JsonValueKind.Null, data.GetProperty("parentId").ValueKind);
        var stored = await factory.WithCatalogDbAsync(db => db.Categories.SingleAsync(c => c.Id == childId));
        Assert.Equal(("Renamed", slug, "New", (Guid?)null, 3), (stored.Name, stored.Slug, stored.Description, stored.ParentId, stored.SortOrder));
        Assert.True(stored.UpdatedAt > stored.CreatedAt);

        foreach (var parentId in new[] { rootId, grandchildId })
        {
            using var cycle = await _client.SendAsync(HttpMethod.Put, $"{Url}/{(parentId == rootId ? rootId : childId)}", admin, new { name = "Cycle", parentId = parentId == rootId ? rootId : grandchildId });
            Assert.Equal(HttpStatusCode.BadRequest, cycle.StatusCode);
            Assert.Equal(["parentId"], (await cycle.ReadErrorAsync()).ErrorFields());
        }

        Assert.Equal(childId, (await factory.WithCatalogDbAsync(db => db.Categories.SingleAsync(c => c.Id == grandchildId))).ParentId);
    }

    [Fact]
    public async Task Unknown_categories_answer_404()
    {
        var admin = await Tokens.AdminAsync(_client);
        using var get = await _client.GetAsync($"{Url}/no-such-category-{CatalogAdminApi.Unique()}");
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(["NOT_FOUND"], (await get.ReadErrorAsync()).ErrorCodes());
        using var put = await _client.SendAsync(HttpMethod.Put, $"{Url}/{Guid.NewGuid()}", admin, new { name = "X" });
        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
        using var delete = await _client.SendAsync(HttpMethod.Delete, $"{Url}/{Guid.NewGuid()}", admin);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
    }

    [Fact]
    public async Task An_empty_category_is_deleted()
    {
        var admin = await Tokens.AdminAsync(_client);
        var id = await _client.CreateCategoryAsync(admin, "Empty " + CatalogAdminApi.Unique());
        using var delete = await _client.SendAsync(HttpMethod.Delete, $"{Url}/{id}", admin);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        using var get = await _client.GetAsync($"{Url}/{id}");
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.False(await factory.WithCatalogDbAsync(db => db.Categories.AnyAsync(c => c.Id == id)));
    }

    [Fact]
    public async Task A_category_with_products_or_children_is_kept_unless_they_move_elsewhere()
    {
        var admin = await Tokens.AdminAsync(_client);
        var targetId = await _client.CreateCategoryAsync(admin, "Target " + CatalogAdminApi.Unique());
        var doomedId = await _client.CreateCategoryAsync(admin, "Doomed " + CatalogAdminApi.Unique());
        var childId = await _client.CreateCategoryAsync(admin, "Child " + CatalogAdminApi.Unique(), doomedId);
        var product = await factory.InsertProductAsync(doomedId);
        var deletedProduct = await factory.InsertProductAsync(doomedId, deleted: true);

        using var refused = await _client.SendAsync(HttpMethod.Delete, $"{Url}/{doomedId}", admin);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(["CONFLICT"], (await refused.ReadErrorAsync()).ErrorCodes());

        foreach (var bad in new[] { Guid.NewGuid(), doomedId, childId })
        {
            using var badTarget = await _client.SendAsync(HttpMethod.Delete, $"{Url}/{doomedId}?moveProductsTo={bad}", admin);
            Assert.Equal(HttpStatusCode.BadRequest, badTarget.StatusCode);
            Assert.Equal(["moveProductsTo"], (await badTarget.ReadErrorAsync()).ErrorFields());
        }

        using var notAGuid = await _client.SendAsync(HttpMethod.Delete, $"{Url}/{doomedId}?moveProductsTo=abc", admin);
        Assert.Equal(HttpStatusCode.BadRequest, notAGuid.StatusCode);
        Assert.Equal(["moveProductsTo"], (await notAGuid.ReadErrorAsync()).ErrorFields());
        Assert.True(await factory.WithCatalogDbAsync(db => db.Categories.AnyAsync(c => c.Id == doomedId)));

        using var moved = await _client.SendAsync(HttpMethod.Delete, $"{Url}/{doomedId}?moveProductsTo={targetId}", admin);
        Assert.Equal(HttpStatusCode.NoContent, moved.StatusCode);
        Assert.False(await factory.WithCatalogDbAsync(db => db.Categories.AnyAsync(c => c.Id == doomedId)));
        foreach (var before in new[] { product, deletedProduct })
        {
            var after = await factory.StoredProductAsync(before.Id);
            Assert.Equal(targetId, after!.CategoryId);
            Assert.Equal(before.Version + 1, after.Version);
        }

        Assert.Equal(targetId, (await factory.WithCatalogDbAsync(db => db.Categories.SingleAsync(c => c.Id == childId))).ParentId);
    }

    [Fact]
    public async Task Every_write_needs_an_administrator()
    {
        var admin = await Tokens.AdminAsync(_client);
        var (_, customer) = await Tokens.CustomerAsync(_client);
        var id = await _client.CreateCategoryAsync(admin, "Guarded " + CatalogAdminApi.Unique());
        var name = "Intruder " + CatalogAdminApi.Unique();
        var writes = new (HttpMethod Method, string Url, object? Body)[]
        {
            (HttpMethod.Post, Url, new { name }),
            (HttpMethod.Put, $"{Url}/{id}", new { name }),
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

        var stored = await factory.WithCatalogDbAsync(db => db.Categories.SingleAsync(c => c.Id == id));
        Assert.StartsWith("Guarded ", stored.Name, StringComparison.Ordinal);
        Assert.False(await factory.WithCatalogDbAsync(db => db.Categories.AnyAsync(c => c.Name == name)));
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteCategoriesTests(CatalogFactory factory) : CategoriesTests<CatalogFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresCategoriesTests(PostgresCatalogFactory factory) : CategoriesTests<PostgresCatalogFactory>(factory);
