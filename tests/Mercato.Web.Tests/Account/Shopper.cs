using System.Net;
using System.Text.Json;
using Mercato.Testing;
using Mercato.Web.Tests.Support;
using Microsoft.Playwright;

namespace Mercato.Web.Tests.Account;

/// <summary>A customer of the test shop: registered and signed in through the API for setup and checks, and through the sign-in form in a browser.</summary>
/// <param name="Id">The account's id.</param>
/// <param name="Email">Its e-mail address.</param>
/// <param name="Token">An API access token, for setting up and checking what the pages did.</param>
internal sealed record Shopper(Guid Id, string Email, string Token)
{
    /// <summary>Registers a new customer.</summary>
    public static async Task<Shopper> RegisterAsync(WebShop shop, string firstName = "Ada", string lastName = "Lovelace")
    {
        var (id, email, token) = await shop.Api.RegisterCustomerAsync(firstName, lastName);
        return new Shopper(id, email, token);
    }

    /// <summary>Signs in with the form in a fresh browser context and answers its page.</summary>
    public async Task<IPage> SignInAsync(WebShop shop, string password = ApiCalls.CustomerPassword)
    {
        var page = await shop.NewPageAsync();
        await SignInAsync(page, Email, password);
        return page;
    }

    /// <summary>Fills the sign-in form of <paramref name="page"/> and waits for the signed-in header.</summary>
    public static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("E-mail", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "My account" })).ToBeVisibleAsync();
    }

    /// <summary>GETs <paramref name="path"/> of the API as this customer and answers the envelope's data.</summary>
    public async Task<JsonElement> GetAsync(WebShop shop, string path)
    {
        using var response = await shop.Api.CallAsync(HttpMethod.Get, path, Token);
        await response.ExpectAsync(HttpStatusCode.OK);
        return await WebShop.DataAsync(response);
    }
}
