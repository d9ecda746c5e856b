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

        using var response = await _client.GetAsync(ProductImageSvg.UrlFor(product.Sku));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(MediaApi.CacheControl, response.Headers.CacheControl?.ToString());
        var svg = System.Xml.Linq.XDocument.Parse(await response.Content.ReadAsStringAsync());
        var texts = svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToArray();
        Assert.Equal(["WP", product.Sku], texts);
        var fill = svg.Descendants().First(e => e.Name.LocalName == "rect").Attribute("fill")!.Value;
        Assert.Equal($"hsl({ProductImageSvg.Hue(product.Sku)},55%,45%)", fill);
        Assert.NotEqual(ProductImageSvg.Hue("AUD-001"), ProductImageSvg.Hue("AUD-002"));
    }

    [Fact]
    public async Task An_unknown_sku_answers_404_and_an_overlong_one_400()
    {
        using var unknown = await _client.GetAsync(ProductImageSvg.UrlFor("NO-SUCH-SKU"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(["NOT_FOUND"], (await unknown.ReadErrorAsync()).ErrorCodes());

        using var overlong = await _client.GetAsync(ProductImageSvg.UrlFor(new string('A', 65)));
        Assert.Equal(HttpStatusCode.BadRequest, overlong.StatusCode);
        Assert.Equal(["sku"], (await overlong.ReadErrorAsync()).ErrorFields());
    }
}
