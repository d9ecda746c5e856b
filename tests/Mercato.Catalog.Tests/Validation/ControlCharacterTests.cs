using System.Net;
using Mercato.Catalog.Tests.Support;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Catalog.Tests.Validation;

/// <summary>
/// Control characters (NUL, BEL) and bidirectional overrides (U+202E) in product and category
/// names and descriptions and in review text answer 400 VALIDATION_ERROR naming the field, and
/// nothing is stored. Free text (descriptions, review comments) may still span lines.
/// </summary>
public abstract class ControlCharacterTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : CatalogFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("\u0000", "name")]
    [InlineData("\u0007", "name")]
    [InlineData("\u202E", "name")]
    [InlineData("\u0000", "description")]
    [InlineData("\u0007", "description")]
    [InlineData("\u202E", "description")]
    [InlineData("\u0000", "longDescription")]
    [InlineData("\u0007", "longDescription")]
    [InlineData("\u202E", "longDescription")]
    public async Task A_product_with_a_control_character_is_refused_and_not_stored(string character, string field)
    {
        var admin = await Tokens.AdminAsync(_client);
        var categoryId = await _client.CreateCategoryAsync(admin, "Ctl " + CatalogAdminApi.Unique());
        var sku = "CTL-" + CatalogAdminApi.Unique();
        var body = new Dictionary<string, object?>
        {
            ["name"] = "Plain Lamp",
            ["description"] = "A lamp.",
            ["longDescription"] = "A lamp that lights.",
            ["price"] = 20m,
            ["sku"] = sku,
            ["slug"] = "ctl-" + CatalogAdminApi.Unique(),
            ["categoryId"] = categoryId,
            ["stock"] = 3,
        };
        body[field] = "Lamp" + character + "Shade";

        using var response = await _client.SendAsync(HttpMethod.Post, "/api/v1/products", admin, body);

        await AssertRefusedAsync(response, field);
        Assert.False(await factory.WithCatalogDbAsync(db => db.Products.AnyAsync(p => p.Sku == sku)));
    }

    [Theory]
    [InlineData("\u0000", "name")]
    [InlineData("\u0007", "name")]
    [InlineData("\u202E", "name")]
    [InlineData("\u0000", "description")]
    [InlineData("\u0007", "description")]
    [InlineData("\u202E", "description")]
    public async Task A_category_with_a_control_character_is_refused_and_not_stored(string character, string field)
    {
        var admin = await Tokens.AdminAsync(_client);
        var slug = "ctl-" + CatalogAdminApi.Unique();
        var body = new Dictionary<string, object?> { ["name"] = "Lamps", ["slug"] = slug, ["description"] = "Lamps." };
        body[field] = "Lamps" + character + "Shades";

        using var response = await _client.SendAsync(HttpMethod.Post, "/api/v1/categories", admin, body);

        await AssertRefusedAsync(response, field);
        Assert.False(await factory.WithCatalogDbAsync(db => db.Categories.AnyAsync(c => c.Slug == slug)));
    }

    [Theory]
    [InlineData("\u0000", "title")]
    [InlineData("\u0007", "title")]
    [InlineData("\u202E", "title")]
    [InlineData("\u0000", "comment")]
    [InlineData("\u0007", "comment")]
    [InlineData("\u202E", "comment")]
    public async Task A_review_with_a_control_character_is_refused_and_not_stored(string character, string field)
    {
        var product = await factory.AddProductAsync();
        var (_, token) = await Tokens.CustomerAsync(_client);
        var body = new Dictionary<string, object?> { ["rating"] = 4, ["title"] = "Nice", ["comment"] = "Works well." };
        body[field] = "Nice" + character + "one";

        using var response = await _client.SendAsync(HttpMethod.Post, $"/api/v1/products/{product.Id}/reviews", token, body);

        await AssertRefusedAsync(response, field);
        Assert.Equal(0, (await factory.ReviewedProductAsync(product.Id)).ReviewCount);
    }

    [Fact]
    public async Task Review_comments_and_descriptions_may_span_lines_but_titles_may_not()
    {
        var product = await factory.AddProductAsync();
        var (_, token) = await Tokens.CustomerAsync(_client);

        using var multiLine = await _client.SendAsync(HttpMethod.Post, $"/api/v1/products/{product.Id}/reviews", token,
            new { rating = 5, title = "Très bien", comment = "Line one.\r\nLine two.\n\tIndented." });
        Assert.Equal(HttpStatusCode.Created, multiLine.StatusCode);

        using var titleLines = await _client.SendAsync(HttpMethod.Post, $"/api/v1/products/{product.Id}/reviews", token,
            new { rating = 5, title = "Two\nlines", comment = "Fine." });
        await AssertRefusedAsync(titleLines, "title");

        var admin = await Tokens.AdminAsync(_client);
        using var category = await _client.SendAsync(HttpMethod.Post, "/api/v1/categories", admin,
            new { name = "Éclairage " + CatalogAdminApi.Unique(), description = "Lamps.\nAnd shades." });
        Assert.Equal(HttpStatusCode.Created, category.StatusCode);
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.ReadErrorAsync();
        Assert.Equal(["VALIDATION_ERROR"], error.ErrorCodes());
        Assert.Equal([field], error.ErrorFields());
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteControlCharacterTests(CatalogFactory factory) : ControlCharacterTests<CatalogFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresControlCharacterTests(PostgresCatalogFactory factory) : ControlCharacterTests<PostgresCatalogFactory>(factory);
