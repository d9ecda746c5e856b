using System.Net;
using Mercato.Catalog.Media;
using Mercato.Catalog.Tests.Support;
using Mercato.Testing;

namespace Mercato.Catalog.Tests.Media;

/// <summary><c>GET /api/v1/catalog/media/products/{sku}.svg</c>.</summary>
public sealed class MediaTests(CatalogFactory factory) : IClassFixture<CatalogFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_products_picture_shows_its_initials_in_a_colour_from_its_sku()
    {
        var product = await factory.AddProductAsync(p => p.Name = "wireless <Head> & phones");

        using var response = await _client.GetAsync(MediaSvg.ProductUrl(product.Sku));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(MediaApi.CacheControl, response.Headers.CacheControl?.ToString());
        var svg = System.Xml.Linq.XDocument.Parse(await response.Content.ReadAsStringAsync());
        var texts = svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToArray();
        Assert.Equal(["WP", product.Sku], texts);
        var fill = svg.Descendants().First(e => e.Name.LocalName == "rect").Attribute("fill")!.Value;
        Assert.Equal($"hsl({MediaSvg.Hue(product.Sku)},55%,45%)", fill);
        Assert.NotEqual(MediaSvg.Hue("AUD-001"), MediaSvg.Hue("AUD-002"));
    }

    [Fact]
    public async Task A_categorys_picture_shows_its_initials_and_slug()
    {
        var category = await factory.AddCategoryAsync("Home Kitchen");

        using var response = await _client.GetAsync(MediaSvg.CategoryUrl(category.Slug));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(MediaApi.CacheControl, response.Headers.CacheControl?.ToString());
        var svg = System.Xml.Linq.XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(["HK", category.Slug], svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToArray());

        using var unknown = await _client.GetAsync(MediaSvg.CategoryUrl("no-such-category"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(["NOT_FOUND"], (await unknown.ReadErrorAsync()).ErrorCodes());

        using var overlong = await _client.GetAsync(MediaSvg.CategoryUrl(new string('a', 121)));
        Assert.Equal(HttpStatusCode.BadRequest, overlong.StatusCode);
        Assert.Equal(["slug"], (await overlong.ReadErrorAsync()).ErrorFields());
    }

    [Fact]
    public async Task An_unknown_sku_answers_404_and_an_overlong_one_400()
    {
        using var unknown = await _client.GetAsync(MediaSvg.ProductUrl("NO-SUCH-SKU"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(["NOT_FOUND"], (await unknown.ReadErrorAsync()).ErrorCodes());

        using var overlong = await _client.GetAsync(MediaSvg.ProductUrl(new string('A', 65)));
        Assert.Equal(HttpStatusCode.BadRequest, overlong.StatusCode);
        Assert.Equal(["sku"], (await overlong.ReadErrorAsync()).ErrorFields());
    }
}
