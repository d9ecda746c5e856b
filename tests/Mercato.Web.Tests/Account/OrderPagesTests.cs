using System.Net;
using Mercato.Testing;
using Mercato.Web.Tests.Support;
using Microsoft.Playwright;

namespace Mercato.Web.Tests.Account;

/// <summary>
/// The shopper's orders and support conversations in the browser: the list and the order page
/// (lines, status history, tracking, the invoice PDF), cancelling, another customer's order (404)
/// and an anonymous visitor (sent to sign in), and a support conversation about an order answered by
/// staff, whose internal notes never show. Orders are placed through the API, as a shopper's client does.
/// </summary>
[Collection(nameof(SharedWebShop))]
public sealed class OrderPagesTests(WebShop shop)
{
    private const string TrackingNumber = "1Z999AA10123456784";

    [Fact]
    public async Task The_orders_list_links_to_the_order_page_with_history_tracking_and_the_invoice_pdf()
    {
        var admin = await shop.AdminTokenAsync();
        var shopper = await Shopper.RegisterAsync(shop, "Grace", "Hopper");
        var (shippedId, shipped, _) = await shop.Api.PlaceOrderAsync(shopper.Token, admin, "Storm lantern");
        var (_, pending, _) = await shop.Api.PlaceOrderAsync(shopper.Token, admin, "Tide clock");
        await PayAsync(shopper, shippedId);
        await MoveAsync(admin, shippedId, new { status = "processing", note = "Packing" });
        await MoveAsync(admin, shippedId, new { status = "shipped", note = "Collected", trackingNumber = TrackingNumber, carrier = "UPS" });

        var page = await shopper.SignInAsync(shop);
        await page.GotoAsync("/account/orders");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = shipped })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = pending })).ToContainTextAsync("Pending");
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = shipped })).ToContainTextAsync("Shipped");
        await Screenshots.SaveAsync(page, "account-orders");
        Problems.AssertNone(page);

        await page.GetByRole(AriaRole.Link, new() { Name = shipped }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Order {shipped}", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/account/orders/{shipped}$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = "Storm lantern" })).ToContainTextAsync("25.00");
        var history = page.Locator("section:has(#history-heading) tbody tr");
        await Assertions.Expect(history).ToHaveCountAsync(4);
        await Assertions.Expect(history.Nth(0)).ToContainTextAsync("Pending");
        await Assertions.Expect(history.Nth(1)).ToContainTextAsync("Paid");
        await Assertions.Expect(history.Nth(2)).ToContainTextAsync("Packing");
        await Assertions.Expect(history.Nth(3)).ToContainTextAsync("Shipped");
        await Assertions.Expect(history.Nth(3)).ToContainTextAsync("Collected");
        await Assertions.Expect(history.Nth(3)).ToContainTextAsync(TrackingNumber);
        await Assertions.Expect(page.Locator("section:has(#tracking-heading)")).ToContainTextAsync(TrackingNumber);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Track the parcel on the carrier's site" }))
            .ToHaveAttributeAsync("href", $"https://www.ups.com/track?tracknum={TrackingNumber}");
        // Shipped: no cancelling any more.
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Cancel this order" })).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(page, "account-order");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download the invoice (PDF)" }).ClickAsync());
        Assert.Equal($"{shipped}.pdf", download.SuggestedFilename);
        var pdf = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);
        Problems.AssertNone(page);
    }

    [Fact]
    public async Task A_pending_order_is_cancelled_with_the_form()
    {
        var admin = await shop.AdminTokenAsync();
        var shopper = await Shopper.RegisterAsync(shop, "Alan", "Turing");
        var (orderId, number, _) = await shop.Api.PlaceOrderAsync(shopper.Token, admin, "Enigma rotor");

        var page = await shopper.SignInAsync(shop);
        await page.GotoAsync($"/account/orders/{number}");
        await page.GetByLabel("Reason (optional)").FillAsync("Ordered twice by mistake");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel this order" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your order was cancelled.");
        await Assertions.Expect(page.Locator(".order-head")).ToContainTextAsync("Cancelled");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Cancel this order" })).ToHaveCountAsync(0);

        var order = await shopper.GetAsync(shop, $"/api/v1/orders/{orderId}");
        Assert.Equal(("cancelled", "Ordered twice by mistake"), (order.GetProperty("status").GetString(), order.GetProperty("cancelReason").GetString()));
        Problems.AssertNone(page);
    }

    [Fact]
    public async Task Another_customers_order_and_an_unknown_number_are_not_found_and_an_anonymous_visitor_is_sent_to_sign_in()
    {
        var admin = await shop.AdminTokenAsync();
        var owner = await Shopper.RegisterAsync(shop, "Ada", "Owner");
        var (orderId, number, _) = await shop.Api.PlaceOrderAsync(owner.Token, admin, "Private parcel");
        var stranger = await Shopper.RegisterAsync(shop, "Eve", "Stranger");

        var page = await stranger.SignInAsync(shop);
        var response = await page.GotoAsync($"/account/orders/{number}");
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Page not found" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Private parcel")).ToHaveCountAsync(0);
        response = await page.GotoAsync("/account/orders/ORD-1999-000001");
        Assert.Equal(404, response!.Status);
        var invoice = await page.APIRequest.GetAsync($"/account/orders/{orderId}/invoice");
        Assert.Equal(404, invoice.Status);

        var anonymous = await shop.NewPageAsync();
        foreach (var path in new[] { $"/account/orders/{number}", "/account", "/account/orders", "/account/profile", "/account/addresses", "/account/support" })
        {
            await anonymous.GotoAsync(path);
            await Assertions.Expect(anonymous).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/account/login\?returnUrl="));
            await Assertions.Expect(anonymous.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        }

        var file = await anonymous.APIRequest.GetAsync($"/account/orders/{orderId}/invoice", new() { MaxRedirects = 0 });
        Assert.Equal(302, file.Status);
        Problems.AssertNone(anonymous);
    }

    [Fact]
    public async Task A_support_conversation_about_an_order_shows_the_staff_reply_and_never_an_internal_note()
    {
        var admin = await shop.AdminTokenAsync();
        var shopper = await Shopper.RegisterAsync(shop, "Mary", "Somerville");
        var (orderId, number, _) = await shop.Api.PlaceOrderAsync(shopper.Token, admin, "Orrery");

        var page = await shopper.SignInAsync(shop);
        await page.GotoAsync($"/account/orders/{number}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Ask about this order" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New support conversation" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("About an order (optional)")).ToHaveValueAsync(orderId.ToString());
        await page.GetByLabel("Subject").FillAsync("Where is my orrery?");
        await page.GetByLabel("Message").FillAsync("It has not arrived yet.\nCould you check?");
        await Screenshots.SaveAsync(page, "account-support-new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your message was sent.");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = number })).ToBeVisibleAsync();

        var conversations = await shopper.GetAsync(shop, "/api/v1/support/conversations");
        var conversation = Assert.Single(conversations.GetProperty("items").EnumerateArray());
        var conversationId = conversation.GetProperty("id").GetGuid();
        Assert.Equal((orderId, "Where is my orrery?"), (conversation.GetProperty("orderId").GetGuid(), conversation.GetProperty("subject").GetString()));
        Assert.EndsWith($"/account/support/{conversationId}?done=opened", page.Url, StringComparison.Ordinal);

        // Staff answer, and leave a note for each other.
        await PostAsync(admin, conversationId, new { body = "It leaves the workshop today." });
        await PostAsync(admin, conversationId, new { body = "Customer sounds worried.", @internal = true });
        await page.ReloadAsync();
        var thread = page.Locator(".thread li");
        await Assertions.Expect(thread).ToHaveCountAsync(2);
        await Assertions.Expect(thread.Nth(0)).ToContainTextAsync("You");
        await Assertions.Expect(thread.Nth(0)).ToContainTextAsync("Could you check?");
        await Assertions.Expect(thread.Nth(1)).ToContainTextAsync("Shop staff");
        await Assertions.Expect(thread.Nth(1)).ToContainTextAsync("It leaves the workshop today.");
        await Assertions.Expect(page.GetByText("worried")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".order-head")).ToContainTextAsync("Answered");

        // The customer replies with the form.
        await page.GetByLabel("Your message").FillAsync("Thank you!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send reply" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your reply was sent.");
        await Assertions.Expect(thread).ToHaveCountAsync(3);
        Assert.Equal(3, (await shopper.GetAsync(shop, $"/api/v1/support/conversations/{conversationId}/messages")).GetProperty("items").GetArrayLength());
        Assert.Equal("open", (await shopper.GetAsync(shop, $"/api/v1/support/conversations/{conversationId}")).GetProperty("status").GetString());
        Assert.DoesNotContain("worried", await page.ContentAsync(), StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, "account-support-thread");

        await page.GetByRole(AriaRole.Link, new() { Name = "Support", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Where is my orrery?" })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "account-support");
        Problems.AssertNone(page);

        // Another customer cannot open it.
        var stranger = await Shopper.RegisterAsync(shop, "Eve", "Stranger");
        var other = await stranger.SignInAsync(shop);
        var response = await other.GotoAsync($"/account/support/{conversationId}");
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(other.GetByRole(AriaRole.Heading, new() { Name = "Page not found" })).ToBeVisibleAsync();
        await Assertions.Expect(other.GetByText("It leaves the workshop today.")).ToHaveCountAsync(0);
    }

    private async Task MoveAsync(string admin, Guid orderId, object body)
    {
        using var response = await shop.Api.CallAsync(HttpMethod.Put, $"/api/v1/orders/{orderId}/status", admin, body);
        await response.ExpectAsync(HttpStatusCode.OK);
    }

    private async Task PostAsync(string admin, Guid conversationId, object body)
    {
        using var response = await shop.Api.CallAsync(HttpMethod.Post, $"/api/v1/support/conversations/{conversationId}/messages", admin, body);
        await response.ExpectAsync(HttpStatusCode.Created);
    }

    /// <summary>Pays the order on the sandbox gateway's hosted page, as a browser posts its form, and waits until the order is paid.</summary>
    private async Task PayAsync(Shopper shopper, Guid orderId)
    {
        using var created = await shop.Api.CallAsync(HttpMethod.Post, "/api/v1/payments/checkout-sessions", shopper.Token, new
        {
            orderId, successUrl = "https://shop.example/paid", cancelUrl = "https://shop.example/cart",
        });
        await created.ExpectAsync(HttpStatusCode.Created);
        var checkoutUrl = new Uri((await WebShop.DataAsync(created)).GetProperty("checkoutUrl").GetString()!);
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = shop.Api.BaseAddress };
        using (var form = await browser.GetAsync(checkoutUrl.PathAndQuery))
        {
            await form.ExpectAsync(HttpStatusCode.OK);
        }

        using var paid = await browser.PostAsync(checkoutUrl.PathAndQuery, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["cardNumber"] = "4242 4242 4242 4242", ["expiry"] = "12/34", ["cvc"] = "123", ["name"] = "Grace Hopper",
        }));
        Assert.Equal(HttpStatusCode.SeeOther, paid.StatusCode);
        using (var back = await browser.GetAsync(paid.Headers.Location!.PathAndQuery))
        {
            Assert.Equal(HttpStatusCode.SeeOther, back.StatusCode);
        }

        await Eventually.HoldsAsync(
            async () => (await shopper.GetAsync(shop, $"/api/v1/orders/{orderId}")).GetProperty("status").GetString() == "paid",
            "the order to be paid");
    }
}
