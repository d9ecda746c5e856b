using System.Net;
using System.Text.Json;
using Mercato.Testing;
using Mercato.Web.Tests.Support;
using Microsoft.Playwright;

namespace Mercato.Web.Tests.Admin.Operations;

/// <summary>What the operations tests set up through the API, and signing in through the form.</summary>
internal static class OperationsSetup
{
    /// <summary>Signs in through the sign-in form and waits for the home page's header to show the session.</summary>
    public static async Task SignInAsync(IPage page, string email, string password)
    {
        // The dashboard's pages each make several API calls; on a busy test machine 5 s is too short a wait.
        Assertions.SetDefaultExpectTimeout(20_000);
        await page.GotoAsync("/account/login");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }

    /// <summary>
    /// A new customer orders two units of a new product at 25.00 and pays on the sandbox gateway's
    /// hosted page with the test card, as a browser posts its form; waits until the order is paid.
    /// </summary>
    public static async Task<PaidOrder> PaidOrderAsync(WebShop shop)
    {
        var admin = await shop.AdminTokenAsync();
        var (userId, email, token) = await shop.Api.RegisterCustomerAsync("Grace", "Hopper");
        var (orderId, number, total) = await shop.Api.PlaceOrderAsync(token, admin, "Storm lantern");
        using var created = await shop.Api.CallAsync(HttpMethod.Post, "/api/v1/payments/checkout-sessions", token, new
        {
            orderId, successUrl = "https://shop.example/paid", cancelUrl = "https://shop.example/cart",
        });
        await created.ExpectAsync(HttpStatusCode.Created);
        var session = (await created.ReadJsonAsync()).GetProperty("data");
        var checkout = new Uri(session.GetProperty("checkoutUrl").GetString()!);

        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = shop.Api.BaseAddress };
        using var paid = await browser.PostAsync(checkout.PathAndQuery, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["cardNumber"] = "4242 4242 4242 4242", ["expiry"] = "12/34", ["cvc"] = "123", ["name"] = "Grace Hopper",
        }));
        Assert.Equal(HttpStatusCode.SeeOther, paid.StatusCode);
        using var back = await browser.GetAsync(paid.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.SeeOther, back.StatusCode);

        await OrderAsync(shop, admin, orderId, o => o.GetProperty("status").GetString() == "paid");
        return new PaidOrder(orderId, number, total, session.GetProperty("paymentId").GetGuid(), userId, email, token);
    }

    /// <summary>The order as the administrator reads it, once <paramref name="condition"/> holds.</summary>
    public static Task<JsonElement> OrderAsync(WebShop shop, string admin, Guid orderId, Func<JsonElement, bool> condition) =>
        MercatoProcess.EventuallyAsync(() => DataAsync(shop, admin, $"/api/v1/orders/{orderId}"), condition, TimeSpan.FromSeconds(30));

    /// <summary>GETs <paramref name="path"/> as <paramref name="token"/>, expects 200 and answers the envelope's data.</summary>
    public static async Task<JsonElement> DataAsync(WebShop shop, string token, string path)
    {
        using var response = await shop.Api.CallAsync(HttpMethod.Get, path, token);
        await response.ExpectAsync(HttpStatusCode.OK);
        return await WebShop.DataAsync(response);
    }
}
