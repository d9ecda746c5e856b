using System.Text.RegularExpressions;
using Mercato.Web.Tests.Support;
using Microsoft.Playwright;

namespace Mercato.Web.Tests.Security;

/// <summary>Signing in and out through the pages: the session is an HttpOnly cookie, the API's tokens never reach the browser, and forms need their antiforgery token.</summary>
[Collection(nameof(SharedWebShop))]
public sealed class SessionTests(WebShop shop)
{
    [Fact]
    public async Task An_administrator_signs_in_with_the_form_and_out_again_and_no_token_reaches_the_browser()
    {
        var page = await shop.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("E-mail").FillAsync(WebShop.AdminEmail);
        await page.GetByLabel("Password").FillAsync(WebShop.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Dashboard" })).ToBeVisibleAsync();
        var cookies = await page.Context.CookiesAsync();
        var session = Assert.Single(cookies, c => c.Name.StartsWith("mercato_session", StringComparison.Ordinal));
        Assert.True(session.HttpOnly);
        Assert.Equal(SameSiteAttribute.Lax, session.SameSite);
        // The page and the script-visible cookies hold nothing that looks like a JWT.
        var html = await page.ContentAsync();
        Assert.DoesNotMatch(new Regex(@"eyJ[A-Za-z0-9_-]{10,}\.eyJ"), html);
        Assert.Equal(string.Empty, await page.EvaluateAsync<string>("document.cookie"));
        await Screenshots.SaveAsync(page, "signed-in-home");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name.StartsWith("mercato_session", StringComparison.Ordinal));
        Problems.AssertNone(page);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message_and_no_session()
    {
        var page = await shop.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("E-mail").FillAsync(WebShop.AdminEmail);
        await page.GetByLabel("Password").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("not right");
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name.StartsWith("mercato_session", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused_and_signs_nobody_in()
    {
        var page = await shop.NewPageAsync();
        var response = await page.APIRequest.PostAsync("/account/login", new APIRequestContextOptions
        {
            Form = page.APIRequest.CreateFormData()
                .Append("_handler", "login")
                .Append("Input.Email", WebShop.AdminEmail)
                .Append("Input.Password", WebShop.AdminPassword),
        });

        Assert.Equal(400, response.Status);
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name.StartsWith("mercato_session", StringComparison.Ordinal));
    }
}
