using Mercato.Web.Tests.Support;

namespace Mercato.Web.Tests.Accessibility;

/// <summary>
/// The accessibility pass of issue 18: axe-core on the main pages of the storefront (as a guest)
/// and of the dashboard (as the administrator) finds no serious or critical violation.
/// </summary>
[Collection(nameof(SharedWebShop))]
public sealed class AccessibilityTests(WebShop shop)
{
    public static TheoryData<string> StorefrontPages => new()
    {
        "/",
        "/products",
        "/search?q=shirt",
        "/cart",
        "/account/login",
        "/account/register",
        "/account/forgot-password",
        "/no-such-page",
    };

    public static TheoryData<string> DashboardPages => new()
    {
        "/admin",
        "/admin/products",
        "/admin/products/new",
        "/admin/categories",
        "/admin/orders",
        "/admin/customers",
        "/admin/audit",
        "/admin/support",
        "/account",
    };

    [Theory]
    [MemberData(nameof(StorefrontPages))]
    public async Task A_storefront_page_has_no_serious_or_critical_violation(string path)
    {
        var page = await shop.NewPageAsync(bypassCsp: true);
        var response = await page.GotoAsync(path);

        // The page itself was shown (not an error page), except the one that must not exist.
        Assert.Equal(path == "/no-such-page" ? 404 : 200, response!.Status);
        await AssertAccessibleAsync(page, path);
    }

    [Fact]
    public async Task A_product_page_has_no_serious_or_critical_violation()
    {
        var page = await shop.NewPageAsync(bypassCsp: true);
        await page.GotoAsync("/products");
        await page.Locator("main a[href^='/products/']").First.ClickAsync();
        await page.WaitForURLAsync("**/products/*");

        await AssertAccessibleAsync(page, page.Url);
    }

    [Theory]
    [MemberData(nameof(DashboardPages))]
    public async Task A_dashboard_page_has_no_serious_or_critical_violation(string path)
    {
        var page = await shop.NewPageAsync(bypassCsp: true);
        await WebShop.SignInAsync(page, WebShop.AdminEmail, WebShop.AdminPassword);
        var response = await page.GotoAsync(path);

        Assert.Equal(200, response!.Status);
        Assert.EndsWith(path, new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);

        await AssertAccessibleAsync(page, path);
    }

    private static async Task AssertAccessibleAsync(Microsoft.Playwright.IPage page, string path)
    {
        var violations = await Axe.RunAsync(page);
        var blocking = violations.Where(v => v.Blocks).ToList();
        Assert.True(blocking.Count == 0, $"{path}:\n" + string.Join('\n', blocking));
    }
}
