namespace Mercato.Web.Tests.Pages;

/// <summary>The storefront's settings an operator may get wrong are refused at start with the setting's name.</summary>
public sealed class WebOptionsTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("/favicon.svg")]
    [InlineData("/api/v1/catalog/media/products/logo.png")]
    [InlineData("https://cdn.example.com/shop/logo.svg")]
    public void A_logo_on_this_site_or_on_https_is_accepted(string? logo)
    {
        Assert.Empty(new WebOptions { LogoUrl = logo }.Problems());
    }

    [Theory]
    [InlineData("logo.svg")]
    [InlineData("//evil.example/logo.svg")]
    [InlineData("http://plain.example/logo.svg")]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:image/svg+xml,<svg/>")]
    public void A_logo_the_pages_could_not_or_should_not_load_is_refused(string logo)
    {
        var problem = Assert.Single(new WebOptions { LogoUrl = logo }.Problems());
        Assert.Contains("Web:LogoUrl", problem, StringComparison.Ordinal);
    }
}
