using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Mercato.Testing;
using Mercato.Web.Session;
using Mercato.Web.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.Playwright;

namespace Mercato.Web.Tests.Security;

/// <summary>
/// Authorisation of every page, found by reflection over the Web assembly so that a new page is
/// covered the day it is added: each dashboard page demands the Admin (or, for the support inbox,
/// the staff) policy; an anonymous visitor of any protected page is sent to the sign-in page with
/// the way back; a customer opening any dashboard page gets the 403 page.
/// </summary>
[Collection(nameof(SharedWebShop))]
public sealed partial class PageAuthorizationTests(WebShop shop)
{
    /// <summary>Every routable page: its route templates and its authorisation.</summary>
    private static readonly IReadOnlyList<(string Template, AuthorizeAttribute? Authorize)> Pages =
        [.. typeof(WebModule).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => (r.Template, t.GetCustomAttribute<AuthorizeAttribute>())))];

    [Fact]
    public void Every_dashboard_page_demands_the_admin_or_staff_policy()
    {
        var admin = Pages.Where(p => p.Template.StartsWith("/admin", StringComparison.OrdinalIgnoreCase)).ToList();

        Assert.NotEmpty(admin);
        var open = admin.Where(p => p.Authorize?.Policy is not (WebAuth.AdminPolicy or WebAuth.StaffPolicy)).Select(p => p.Template).ToList();
        Assert.True(open.Count == 0, "Dashboard pages without the Admin or staff policy: " + string.Join(", ", open));
        var staffOnly = admin.Where(p => p.Authorize!.Policy == WebAuth.StaffPolicy).Select(p => p.Template).ToList();
        Assert.All(staffOnly, t => Assert.StartsWith("/admin/support", t, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_anonymous_visitor_of_any_protected_page_is_sent_to_sign_in_and_back()
    {
        var protectedPages = Pages.Where(p => p.Authorize is not null).Select(p => Concrete(p.Template)).Distinct().ToList();
        Assert.NotEmpty(protectedPages);
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(shop.Url) };

        foreach (var path in protectedPages)
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

            Assert.True(response.StatusCode == HttpStatusCode.Found, $"{path} answered {(int)response.StatusCode}");
            var location = response.Headers.Location!.ToString();
            Assert.Contains("/account/login?returnUrl=" + Uri.EscapeDataString(path), location, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_customer_opening_any_dashboard_page_gets_the_forbidden_page()
    {
        var (_, email, _) = await shop.Api.RegisterCustomerAsync("Cora", "Customer");
        var page = await shop.NewPageAsync();
        await WebShop.SignInAsync(page, email, ApiCalls.CustomerPassword);
        var dashboard = Pages.Where(p => p.Template.StartsWith("/admin", StringComparison.OrdinalIgnoreCase)).Select(p => Concrete(p.Template)).Distinct().ToList();

        foreach (var path in dashboard)
        {
            var response = await page.GotoAsync(path);

            Assert.True(response!.Status == 403, $"{path} answered {response.Status}");
            Assert.StartsWith("/account/forbidden", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("You may not open this page");
        }

        await Screenshots.SaveAsync(page, "forbidden");
    }

    /// <summary>A route template with its parameters filled in (any value: authorisation comes first).</summary>
    private static string Concrete(string template) => Parameter().Replace(template, m =>
        m.Value.Contains(":guid", StringComparison.Ordinal) ? Guid.NewGuid().ToString() : m.Value.Contains(":int", StringComparison.Ordinal) ? "1" : "x");

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
