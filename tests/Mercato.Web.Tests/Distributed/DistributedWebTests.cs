using Mercato.Web.Tests.Support;
using Microsoft.Playwright;

namespace Mercato.Web.Tests.Distributed;

/// <summary>The storefront and the dashboard served by their own process behind the gateway (distributed mode).</summary>
public sealed class DistributedWebTests(DistributedWebShop shop) : IClassFixture<DistributedWebShop>
{
    [Fact]
    public async Task The_gateway_serves_the_storefront_from_the_web_service_which_reads_the_catalog_through_the_gateway()
    {
        var page = await shop.NewPageAsync();
        var home = await page.GotoAsync("/");
        Assert.Equal(200, home!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = WebShop.ShopName }).First).ToBeVisibleAsync();

        await page.GotoAsync("/products");
        // The demo catalog lives in the API process; the web process shows it, so its calls went through the gateway.
        await Assertions.Expect(page.Locator("main a[href^='/products/']").First).ToBeVisibleAsync();
        Problems.AssertNone(page);
    }

    [Fact]
    public async Task The_administrator_signs_in_through_the_gateway_and_opens_the_dashboard()
    {
        var page = await shop.NewPageAsync();
        await WebShop.SignInAsync(page, WebShop.AdminEmail, WebShop.AdminPassword);

        var dashboard = await page.GotoAsync("/admin");

        Assert.Equal(200, dashboard!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Dashboard" })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "distributed-admin");
        Problems.AssertNone(page);
    }
}
