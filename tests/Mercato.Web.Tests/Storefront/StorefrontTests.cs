using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Mercato.Testing;
using Mercato.Web.Tests.Support;
using Microsoft.Playwright;

namespace Mercato.Web.Tests.Storefront;

/// <summary>
/// The storefront in a browser: the shopper's whole journey (issue 18) from the home page to a paid
/// order, and the rules a shopper meets on the way (bad quantities, unknown coupons and products,
/// sign-in before checkout, products out of stock).
/// </summary>
[Collection(nameof(SharedWebShop))]
public sealed partial class StorefrontTests(WebShop shop)
{
    [Fact]
    public async Task The_header_shows_the_shops_logo_before_its_name_on_every_page()
    {
        var page = await shop.NewPageAsync();
        foreach (var path in new[] { "/", "/products", "/account/login" })
        {
            await page.GotoAsync(path);
            var brand = page.Locator("header a.brand");
            await Assertions.Expect(brand).ToHaveAccessibleNameAsync(WebShop.ShopName);
            var logo = brand.Locator("img");
            await Assertions.Expect(logo).ToHaveAttributeAsync("src", WebShop.LogoUrl);
            // Loaded under the page's Content-Security-Policy, not a broken picture.
            Assert.True(await logo.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), $"the logo did not load on {path}");
        }

        Problems.AssertNone(page);
    }

    [Fact]
    public async Task A_shopper_browses_searches_filters_buys_as_a_guest_signs_up_verifies_and_pays_on_the_hosted_page()
    {
        var admin = await shop.AdminTokenAsync();
        var word = "Lantern" + ShopApi.Unique()[..6];
        var productName = $"Harbour {word}";
        var product = await StorefrontShop.CreateProductAsync(shop, admin, productName, 40.00m, stock: 12, compareAtPrice: 50.00m);
        var couponCode = "WEB" + ShopApi.Unique()[..8].ToUpperInvariant();
        using (var coupon = await shop.Api.CallAsync(HttpMethod.Post, "/api/v1/coupons", admin, new { code = couponCode, discountType = "percentage", discountValue = 10m, active = true }))
        {
            await coupon.ExpectAsync(HttpStatusCode.Created);
        }

        await StorefrontShop.SearchableAsync(shop, word);
        var page = await shop.NewPageAsync();

        // Home: categories and the newest products.
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = WebShop.ShopName, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Categories" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Electronics", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = productName })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "storefront-home");
        Problems.AssertNone(page);

        // Search from the header, with category facets.
        await page.GetByLabel("Search products").FillAsync(word);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/search\\?q=" + word));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("1 products found");
        var facets = page.GetByRole(AriaRole.Navigation, new() { Name = "Narrow the search" });
        await Assertions.Expect(facets.GetByRole(AriaRole.Link)).ToHaveCountAsync(1);
        await Screenshots.SaveAsync(page, "storefront-search");
        Problems.AssertNone(page);

        // The facet narrows to the category in the list; the list's filters narrow further.
        await facets.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/products\\?q=" + word + "&category=" + product.CategorySlug));
        await page.GetByLabel("Highest price").FillAsync("45");
        await page.GetByLabel("In stock only").CheckAsync();
        await page.GetByLabel("Sort by").SelectOptionAsync("price-asc");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show products" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("maxPrice=45.*inStock=true.*sort=price-asc"));
        var card = page.GetByRole(AriaRole.Article).Filter(new() { HasText = productName });
        await Assertions.Expect(card).ToContainTextAsync("40.00");
        await Assertions.Expect(card.Locator("s")).ToContainTextAsync("50.00");
        await Assertions.Expect(card).ToContainTextAsync("In stock");
        await Screenshots.SaveAsync(page, "storefront-products");
        Problems.AssertNone(page);
        await page.GetByLabel("Highest price").FillAsync("39");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show products" }).ClickAsync();
        await Assertions.Expect(page.GetByText("No product matches these filters.")).ToBeVisibleAsync();
        await page.GoBackAsync();

        // The product page; a guest adds two to the cart.
        await page.GetByRole(AriaRole.Link, new() { Name = productName }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/products/" + product.Slug + "$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = productName, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Amber")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("No reviews yet.")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "storefront-product");
        Problems.AssertNone(page);
        await page.GetByLabel("Quantity").FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to cart" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/cart\\?done=added"));
        await Assertions.Expect(page.GetByLabel("Quantity of " + productName)).ToHaveValueAsync("2");
        var guestCart = await StorefrontShop.GuestCartAsync(shop, page);
        Assert.Equal(2, guestCart.GetProperty("itemCount").GetInt32());

        // Sign up, then verify the address with the code from the mail the real SMTP server received.
        var email = $"journey.{ShopApi.Unique()}@example.com";
        await page.GetByRole(AriaRole.Link, new() { Name = "Register" }).ClickAsync();
        await page.GetByLabel("First name").FillAsync("Grace");
        await page.GetByLabel("Last name").FillAsync("Hopper");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(StorefrontShop.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/verify-email\\?registered=1"));
        using var mail = new MailServer();
        var verification = await mail.WaitForSubjectAsync(email, $"Verify your e-mail address for {WebShop.ShopName}");
        var code = SixDigits().Match(verification.TextBody ?? string.Empty).Groups[1].Value;
        Assert.Matches("^[0-9]{6}$", code);
        await page.GetByLabel("Code from the e-mail").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your e-mail address is verified");
        Problems.AssertNone(page);
        var token = await shop.Api.SignInAsync(email, StorefrontShop.Password);
        using (var me = await shop.Api.CallAsync(HttpMethod.Get, "/api/v1/auth/me", token))
        {
            Assert.True((await WebShop.DataAsync(me)).GetProperty("emailVerified").GetBoolean());
        }

        // The guest cart became the account's cart; apply the coupon.
        await page.GetByRole(AriaRole.Link, new() { Name = "Cart", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Quantity of " + productName)).ToHaveValueAsync("2");
        Assert.Null(await StorefrontShop.GuestCartKeyAsync(page));
        var accountCart = await shop.Api.GetCartAsync(token);
        Assert.Equal(product.Id, Assert.Single(accountCart.GetProperty("items").EnumerateArray()).GetProperty("productId").GetGuid());
        await page.GetByLabel("Coupon code").FillAsync(couponCode.ToLowerInvariant());
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply coupon" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The coupon is applied");
        var totals = page.Locator(".totals");
        await Assertions.Expect(totals).ToContainTextAsync("80.00");
        await Assertions.Expect(totals).ToContainTextAsync("-8.00");
        accountCart = await shop.Api.GetCartAsync(token);
        Assert.Equal(couponCode, accountCart.GetProperty("couponCode").GetString());
        var expectedTotal = accountCart.GetProperty("total").GetDecimal();
        await Assertions.Expect(totals).ToContainTextAsync(expectedTotal.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
        await Screenshots.SaveAsync(page, "storefront-cart");
        Problems.AssertNone(page);

        // Checkout with a new address saved to the address book, then the gateway's hosted page.
        await page.GetByRole(AriaRole.Link, new() { Name = "Check out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Checkout", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("A new address (saved to your address book)")).ToBeCheckedAsync();
        await page.GetByLabel("First name").FillAsync("Grace");
        await page.GetByLabel("Last name").FillAsync("Hopper");
        await page.GetByLabel("Street").FillAsync("1 Harbour Road");
        await page.GetByLabel("City").FillAsync("Portland");
        await page.GetByLabel("State or region").FillAsync("ME");
        await page.GetByLabel("Postal code").FillAsync("04101");
        await page.GetByLabel("Country code").FillAsync("US");
        await Screenshots.SaveAsync(page, "storefront-checkout");
        Problems.AssertNone(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Place order and pay" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/sandbox-pay/"));
        await page.GetByLabel("Card number").FillAsync("4242 4242 4242 4242");
        await page.GetByLabel("Expiry (MM/YY)").FillAsync("12/" + ((DateTime.UtcNow.Year + 2) % 100).ToString("00", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("CVC").FillAsync("123");
        await page.GetByLabel("Name on card").FillAsync("Grace Hopper");
        await Screenshots.SaveAsync(page, "sandbox-pay");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Pay ") }).ClickAsync();

        // The confirmation: the paid order's number, lines and totals.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/checkout/confirmation\\?.*status=success"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Thank you for your order" })).ToBeVisibleAsync();
        var orderNumber = OrderNumber().Match(await page.GetByRole(AriaRole.Status).InnerTextAsync()).Value;
        Assert.NotEmpty(orderNumber);
        await Assertions.Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync(productName);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = $"See order {orderNumber} in your account" }))
            .ToHaveAttributeAsync("href", "/account/orders/" + orderNumber);
        await Screenshots.SaveAsync(page, "storefront-confirmation");
        Problems.AssertNone(page);

        // The order-placed mail, the stored order (paid, with the coupon's totals) and the saved address.
        var placed = await mail.WaitForSubjectAsync(email, $"Your {WebShop.ShopName} order {orderNumber}");
        Assert.Contains(productName, placed.TextBody, StringComparison.Ordinal);
        var order = default(System.Text.Json.JsonElement);
        await Eventually.HoldsAsync(
            async () =>
            {
                using var orders = await shop.Api.CallAsync(HttpMethod.Get, "/api/v1/orders", token);
                order = Assert.Single((await WebShop.DataAsync(orders)).GetProperty("items").EnumerateArray());
                return order.GetProperty("status").GetString() == "paid";
            },
            "the order is paid");
        Assert.Equal(orderNumber, order.GetProperty("orderNumber").GetString());
        using (var detail = await shop.Api.CallAsync(HttpMethod.Get, $"/api/v1/orders/{order.GetProperty("id").GetGuid()}", token))
        {
            order = await WebShop.DataAsync(detail);
        }

        Assert.True(order.GetProperty("isPaid").GetBoolean());
        Assert.Equal(couponCode, order.GetProperty("couponCode").GetString());
        Assert.Equal(80.00m, order.GetProperty("subtotal").GetDecimal());
        Assert.Equal(8.00m, order.GetProperty("discount").GetDecimal());
        Assert.Equal(expectedTotal + order.GetProperty("shippingCost").GetDecimal(), order.GetProperty("total").GetDecimal());
        using var addresses = await shop.Api.CallAsync(HttpMethod.Get, "/api/v1/users/addresses", token);
        Assert.Equal("1 Harbour Road", Assert.Single((await WebShop.DataAsync(addresses)).EnumerateArray()).GetProperty("street").GetString());
    }

    [Fact]
    public async Task Quantities_of_zero_or_above_the_stock_show_the_APIs_message_and_change_nothing()
    {
        var admin = await shop.AdminTokenAsync();
        var product = await StorefrontShop.CreateProductAsync(shop, admin, "Scarce " + ShopApi.Unique(), 12.50m, stock: 3);
        var page = await shop.NewPageAsync();
        await page.GotoAsync("/products/" + product.Slug);
        await Assertions.Expect(page.GetByText("Only 3 left")).ToBeVisibleAsync();

        await page.GetByLabel("Quantity").FillAsync("0");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to cart" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).First).ToContainTextAsync("between 1 and 99");
        Assert.Null(await StorefrontShop.GuestCartKeyAsync(page));

        await page.GetByLabel("Quantity").FillAsync("4");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to cart" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).First).ToContainTextAsync("Only 3 items available");
        Assert.Equal(0, (await StorefrontShop.GuestCartAsync(shop, page)).GetProperty("itemCount").GetInt32());
        Problems.AssertNone(page);

        await page.GetByLabel("Quantity").FillAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to cart" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/cart\\?done=added"));
        var quantity = page.GetByLabel("Quantity of ");
        await quantity.FillAsync("4");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Update") }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).First).ToContainTextAsync("Only 3 items available");
        await quantity.FillAsync("0");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Update") }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).First).ToContainTextAsync("between 1 and 99");
        var cart = await StorefrontShop.GuestCartAsync(shop, page);
        Assert.Equal(1, Assert.Single(cart.GetProperty("items").EnumerateArray()).GetProperty("quantity").GetInt32());
        Problems.AssertNone(page);

        // An unknown coupon is refused with the API's reason beside the field, and none is applied.
        await page.GetByLabel("Coupon code").FillAsync("NO-SUCH-COUPON");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply coupon" }).ClickAsync();
        await Assertions.Expect(page.Locator(".field-error")).ToBeVisibleAsync();
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await StorefrontShop.GuestCartAsync(shop, page)).GetProperty("couponCode").ValueKind);
        Problems.AssertNone(page);
    }

    [Fact]
    public async Task An_unknown_product_is_a_not_found_page_with_status_404()
    {
        var page = await shop.NewPageAsync();
        var response = await page.GotoAsync("/products/no-such-product-" + ShopApi.Unique());

        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Page not found", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "browse the products" })).ToBeVisibleAsync();
        // The page's own 404 is the point; nothing else on it failed.
        Assert.All(Problems.Of(page), p => Assert.True(
            p.Contains("/products/no-such-product-", StringComparison.Ordinal) || p.Contains("status of 404 (Not Found)", StringComparison.Ordinal), p));
    }

    [Fact]
    public async Task An_anonymous_shopper_is_sent_to_sign_in_before_checkout_and_back_afterwards()
    {
        var (_, email, _) = await shop.Api.RegisterCustomerAsync();
        var page = await shop.NewPageAsync();
        await page.GotoAsync("/checkout");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/login\\?returnUrl=%2Fcheckout"));
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(ApiCalls.CustomerPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/checkout$"));
        await Assertions.Expect(page.GetByText("Your cart is empty.")).ToBeVisibleAsync();
        Problems.AssertNone(page);
    }

    [Fact]
    public async Task A_product_out_of_stock_offers_no_way_into_the_cart()
    {
        var admin = await shop.AdminTokenAsync();
        var product = await StorefrontShop.CreateProductAsync(shop, admin, "Sold out " + ShopApi.Unique(), 9.99m, stock: 0);
        var page = await shop.NewPageAsync();
        await page.GotoAsync("/products/" + product.Slug);

        await Assertions.Expect(page.GetByText("Out of stock", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("cannot be added to the cart")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Add to cart" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByLabel("Quantity")).ToHaveCountAsync(0);
        // The API refuses it too, so a crafted request cannot either.
        using var refused = await shop.Api.CallAsync(HttpMethod.Post, "/api/v1/cart/items", body: new { productId = product.Id, quantity = 1 });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Problems.AssertNone(page);
    }

    [Fact]
    public async Task A_signed_in_shopper_reviews_a_product_with_the_form_and_an_empty_title_is_shown_by_its_field()
    {
        var admin = await shop.AdminTokenAsync();
        var product = await StorefrontShop.CreateProductAsync(shop, admin, "Reviewed " + ShopApi.Unique(), 19.00m, stock: 5);
        var page = await shop.NewPageAsync();

        // A visitor is offered to sign in, not the form.
        await page.GotoAsync("/products/" + product.Slug);
        await Assertions.Expect(page.GetByText("to write a review")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Publish review" })).ToHaveCountAsync(0);

        var (_, email, _) = await shop.Api.RegisterCustomerAsync("Ada", "Byron");
        await Admin.Operations.OperationsSetup.SignInAsync(page, email, ApiCalls.CustomerPassword);
        await page.GotoAsync("/products/" + product.Slug);

        // A blank title: the API's message beside the field, and no review stored.
        await page.GetByLabel("Rating").SelectOptionAsync("4");
        await page.GetByLabel("Title").FillAsync("   ");
        await page.GetByLabel("Your review").FillAsync("Bright, and the handle stays cool.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish review" }).ClickAsync();
        await Assertions.Expect(page.Locator(".field-error").First).ToContainTextAsync("'Title' must not be empty.");
        Assert.Empty(await ReviewsAsync(product.Id));

        await page.GetByLabel("Title").FillAsync("Bright and sturdy");
        await page.GetByLabel("Your review").FillAsync("Bright, and the handle stays cool.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish review" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("your review is published");
        var reviews = page.GetByRole(AriaRole.Region, new() { Name = "Reviews" });
        await Assertions.Expect(reviews).ToContainTextAsync("Bright and sturdy");
        await Assertions.Expect(reviews).ToContainTextAsync("4 out of 5");
        await Assertions.Expect(reviews).ToContainTextAsync("Average rating 4.0 out of 5 (1 review)");
        var stored = Assert.Single(await ReviewsAsync(product.Id));
        Assert.Equal((4, "Bright and sturdy", false), (stored.GetProperty("rating").GetInt32(), stored.GetProperty("title").GetString(), stored.GetProperty("verifiedPurchase").GetBoolean()));
        Problems.AssertNone(page);
    }

    [Fact]
    public async Task A_price_changed_after_adding_is_shown_in_the_cart_with_the_old_and_new_price()
    {
        var admin = await shop.AdminTokenAsync();
        var name = "Repriced " + ShopApi.Unique();
        var product = await StorefrontShop.CreateProductAsync(shop, admin, name, 12.50m, stock: 5);
        var page = await shop.NewPageAsync();
        await page.GotoAsync("/products/" + product.Slug);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to cart" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/cart\\?done=added"));
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);

        using (var repriced = await shop.Api.CallAsync(HttpMethod.Patch, $"/api/v1/products/{product.Id}", admin, new { price = 15.00m }))
        {
            Assert.Equal(HttpStatusCode.OK, repriced.StatusCode);
        }

        await Eventually.HoldsAsync(
            async () => Assert.Single((await StorefrontShop.GuestCartAsync(shop, page)).GetProperty("items").EnumerateArray()).GetProperty("priceChanged").GetBoolean(),
            "the cart to see the new price");
        await page.GotoAsync("/cart");
        var alert = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(alert).ToContainTextAsync("need your attention");
        await Assertions.Expect(alert).ToContainTextAsync(new Regex(Regex.Escape(name) + ": the price changed from .*12\\.50 to .*15\\.00"));
        var line = page.GetByRole(AriaRole.Row).Filter(new() { HasText = name });
        await Assertions.Expect(line.Locator("s")).ToContainTextAsync("12.50");
        await Assertions.Expect(line).ToContainTextAsync("15.00");
        Problems.AssertNone(page);
    }

    [Fact]
    public async Task On_a_phone_the_main_pages_fit_the_screen_and_the_filters_come_before_the_list()
    {
        var admin = await shop.AdminTokenAsync();
        var product = await StorefrontShop.CreateProductAsync(shop, admin, "Pocket " + ShopApi.Unique(), 7.25m, stock: 4);
        var page = await shop.NewPageAsync(width: 375, height: 740);
        await page.GotoAsync("/products/" + product.Slug);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to cart" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/cart\\?done=added"));

        foreach (var path in new[] { "/", "/products", "/products/" + product.Slug, "/search?q=pocket", "/cart", "/account/login", "/account/register" })
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(200, response!.Status);
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 0, $"{path} scrolls sideways by {overflow} px on a 375 px screen");
            foreach (var link in await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link).AllAsync())
            {
                var box = await link.BoundingBoxAsync();
                Assert.True(box is { X: >= 0 } && box.X + box.Width <= 375, $"{path}: the menu link '{await link.InnerTextAsync()}' is off the screen");
            }
        }

        await page.GotoAsync("/products");
        var filters = await page.GetByRole(AriaRole.Form, new() { Name = "Filters" }).BoundingBoxAsync();
        var firstCard = await page.GetByRole(AriaRole.Article).First.BoundingBoxAsync();
        Assert.True(filters!.Y + filters.Height <= firstCard!.Y, "the filters stack above the products on a phone");
        await Screenshots.SaveAsync(page, "storefront-products-phone");
        Problems.AssertNone(page);
    }

    private async Task<JsonElement[]> ReviewsAsync(Guid productId)
    {
        using var response = await shop.Api.CallAsync(HttpMethod.Get, $"/api/v1/products/{productId}/reviews");
        return [.. (await WebShop.DataAsync(response)).GetProperty("items").EnumerateArray()];
    }

    [GeneratedRegex(@"^\s*([0-9]{6})\s*$", RegexOptions.Multiline)]
    private static partial Regex SixDigits();

    [GeneratedRegex(@"ORD-[0-9]{4}-[0-9]{6}")]
    private static partial Regex OrderNumber();
}
