using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Mercato.EndToEnd.Tests.Support;
using Mercato.Testing;

namespace Mercato.EndToEnd.Tests.Flow;

/// <summary>
/// The whole shopper flow through the public <c>/api/v1</c> of a running shop: a customer
/// registers and browses, the administrator stocks a product and creates a coupon, the customer
/// fills a cart, applies the coupon, saves their address and places the order to it (the order keeps
/// its copy when the address changes), pays on the sandbox gateway's page, the
/// administrator ships and delivers it, the customer downloads the invoice and reviews the product
/// as a verified buyer, and the administrator refunds half and then the rest. The figures are checked in every service they touch on the
/// way (cart totals, stock held and sold, coupon uses, the order's history), and the customer's mails
/// (welcome, order placed, paid, shipped with its tracking link, refunds) are read from the test SMTP server.
/// </summary>
/// <typeparam name="TShop">The deployment (embedded or distributed).</typeparam>
public abstract partial class ShopperFlowTests<TShop>(TShop shop) : IClassFixture<TShop>, IDisposable
    where TShop : ShopDeployment
{
    private const decimal UnitPrice = 49.99m;
    private const int StockOnHand = 10;
    private const int Quantity = 2;

    private static readonly object ShippingAddress = new
    {
        street = "1 Harbour Road",
        city = "Portsmouth",
        state = "Hampshire",
        zipCode = "PO1 2AB",
        country = "United Kingdom",
    };

    private readonly MailServer _mail = new();

    private HttpClient Api => shop.Api;

    [Fact]
    public Task A_customer_buys_with_a_coupon_the_order_is_paid_shipped_and_delivered_and_the_review_is_verified() => shop.RunAsync(async () =>
    {
        // The shop's administrator and a new customer.
        var admin = await Api.SignInAsync(ShopDeployment.AdminEmail, ShopDeployment.AdminPassword);
        var (customerId, customerEmail, unverified) = await Api.RegisterCustomerAsync("Grace", "Hopper");
        var customer = await VerifyEmailAsync(customerEmail, unverified);
        var me = await Api.GetDataAsync("/api/v1/auth/me", customer);
        Assert.Contains("Customer", me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.True(me.GetProperty("emailVerified").GetBoolean());

        // Browsing before the product exists finds nothing for its name.
        var word = UniqueWord();
        Assert.Equal(0, (await Api.GetDataAsync($"/api/v1/products?q={word}")).GetProperty("totalCount").GetInt64());
        Assert.Equal(0, (await Api.GetDataAsync($"/api/v1/products/search?q={word}")).GetProperty("totalCount").GetInt64());

        // The administrator stocks a product and creates a coupon.
        var categoryId = await Api.CreateCategoryAsync(admin);
        var productId = await Api.CreateProductAsync(admin, UnitPrice, StockOnHand, categoryId, name: $"Storm lantern {word}");
        var coupon = await Api.DataAsync(HttpMethod.Post, "/api/v1/coupons", admin, new
        {
            code = "e2e" + ShopApi.Unique(),
            description = "Ten percent off",
            discountType = "percentage",
            discountValue = 10m,
            usageLimit = 100,
            perCustomerLimit = 1,
            active = true,
        }, HttpStatusCode.Created);
        var couponId = coupon.GetProperty("id").GetGuid();
        var couponCode = coupon.GetProperty("code").GetString()!;
        Assert.Equal(0, coupon.GetProperty("timesRedeemed").GetInt32());

        // The customer finds it by category and by full-text search.
        var listed = await Api.GetDataAsync($"/api/v1/products?category={categoryId}");
        Assert.Equal([productId], listed.ItemIds());
        var summary = listed.GetProperty("items")[0];
        Assert.Equal(UnitPrice, summary.Money("price"));
        Assert.Equal(StockOnHand, summary.GetProperty("stock").GetInt32());
        var found = await ShopCalls.EventuallyAsync(() => Api.GetDataAsync($"/api/v1/products/search?q={word}"), r => r.ItemIds().Length > 0);
        Assert.Equal([productId], found.ItemIds());

        // The cart, priced by the Catalog, with the coupon applied.
        await Api.AddToCartAsync(productId, Quantity, customer);
        await Api.DataAsync(HttpMethod.Post, "/api/v1/cart/apply-coupon", customer, new { couponCode = couponCode.ToLowerInvariant() });
        var cart = await Api.GetCartAsync(customer);
        Assert.True(cart.GetProperty("canCheckOut").GetBoolean(), cart.ToString());
        Assert.True(cart.GetProperty("coupon").GetProperty("valid").GetBoolean(), cart.ToString());
        Assert.Equal(99.98m, cart.Money("subtotal"));
        Assert.Equal(10.00m, cart.Money("discount"));   // 10% of 99.98, to cents
        Assert.Equal(7.20m, cart.Money("tax"));         // 8% of 89.98, to cents
        Assert.Equal(97.18m, cart.Money("total"));

        // The customer keeps the address in their address book (Identity) and orders to it by id:
        // Ordering copies it through IIdentityClient, over HTTP with a service token when distributed.
        var saved = await Api.DataAsync(HttpMethod.Post, "/api/v1/users/addresses", customer, ShippingAddress, HttpStatusCode.Created);
        var addressId = saved.GetProperty("id").GetGuid();
        Assert.True(saved.GetProperty("isDefault").GetBoolean());

        // The order, placed once however often the client retries it.
        var order = await PlaceOrderAsync(customer, couponCode, cart, addressId);
        var orderId = order.GetProperty("id").GetGuid();
        Assert.Equal("1 Harbour Road", order.GetProperty("shippingAddress").GetProperty("street").GetString());
        Assert.Equal("PO1 2AB", order.GetProperty("billingAddress").GetProperty("zipCode").GetString());

        // Moving house later does not rewrite the order's copy.
        await Api.DataAsync(HttpMethod.Put, $"/api/v1/users/addresses/{addressId}", customer, new
        {
            street = "2 New Street", city = "Bristol", zipCode = "BS1 1AA", country = "United Kingdom",
        });
        Assert.Equal("1 Harbour Road", (await Api.GetDataAsync($"/api/v1/orders/{orderId}", customer)).GetProperty("shippingAddress").GetProperty("street").GetString());

        // Placing it emptied the cart, held the stock and counted the coupon's use.
        Assert.Equal(0, (await Api.GetCartAsync(customer)).GetProperty("itemCount").GetInt32());
        Assert.Equal(StockOnHand - Quantity, (await Api.GetDataAsync($"/api/v1/products/{productId}")).GetProperty("stock").GetInt32());
        var reserved = await LatestLedgerEntryAsync(admin, productId);
        Assert.Equal("reserve", reserved.GetProperty("kind").GetString());
        Assert.Equal(orderId, reserved.GetProperty("orderId").GetGuid());
        Assert.Equal(StockOnHand, reserved.GetProperty("onHandAfter").GetInt32());
        Assert.Equal(Quantity, reserved.GetProperty("reservedAfter").GetInt32());
        Assert.Equal(1, (await Api.GetDataAsync($"/api/v1/coupons/{couponId}", admin)).GetProperty("timesRedeemed").GetInt32());

        // The customer sees it among their orders and in detail; another customer does not see it at all.
        var mine = await Api.GetDataAsync("/api/v1/orders", customer);
        var listedOrder = Assert.Single(mine.GetProperty("items").EnumerateArray());
        Assert.Equal(orderId, listedOrder.GetProperty("id").GetGuid());
        Assert.Equal("pending", listedOrder.GetProperty("status").GetString());
        Assert.Equal(Quantity, listedOrder.GetProperty("itemCount").GetInt32());
        Assert.Equal(cart.Money("total"), listedOrder.Money("total"));
        var detail = await Api.GetDataAsync($"/api/v1/orders/{orderId}", customer);
        Assert.False(detail.GetProperty("isPaid").GetBoolean());
        Assert.Equal(order.Money("total"), detail.Money("total"));
        var (_, _, stranger) = await Api.RegisterCustomerAsync("Alan", "Turing");
        (await Api.SendAsync(HttpMethod.Get, $"/api/v1/orders/{orderId}", stranger, HttpStatusCode.NotFound)).Response.Dispose();

        await PayAsync(customer, admin, orderId, productId);
        await FulfilAsync(customer, admin, orderId);
        await DownloadInvoiceAsync(customer, orderId);
        await ReviewAsync(customerId, customer, productId);
        await RefundAsync(customer, admin, orderId);
        await ReadMailsAsync(customerEmail, order);
    });

    /// <summary>
    /// The shop requires a verified address to order (<c>Ordering:RequireVerifiedEmail</c>): the
    /// new customer's order is refused until they open the link of the verification mail read from
    /// the SMTP server; signing in again then gives a token that says so.
    /// </summary>
    private async Task<string> VerifyEmailAsync(string email, string unverified)
    {
        (await Api.SendAsync(HttpMethod.Post, "/api/v1/orders", unverified, HttpStatusCode.Forbidden, new { shippingAddress = ShippingAddress })).Response.Dispose();

        var mail = await _mail.WaitForSubjectAsync(email, "Verify your e-mail address for Harbour Lights");
        var link = VerifyLink().Match(mail.TextBody ?? string.Empty);
        Assert.True(link.Success, mail.TextBody);
        (await Api.SendAsync(HttpMethod.Post, "/api/v1/users/verify-email", null, HttpStatusCode.OK, new { token = Uri.UnescapeDataString(link.Groups["token"].Value) })).Response.Dispose();
        (await Api.SendAsync(HttpMethod.Post, "/api/v1/users/verify-email", null, HttpStatusCode.BadRequest, new { token = Uri.UnescapeDataString(link.Groups["token"].Value) })).Response.Dispose();
        return await Api.SignInAsync(email, ApiCalls.CustomerPassword);
    }

    /// <summary>
    /// The customer's mailbox on the test SMTP server: one welcome, and one mail for each step of
    /// the order (placed with its lines and total, paid, shipped with the carrier's tracking link,
    /// a partial and then a full refund), each sent once, from the shop, in plain text and HTML.
    /// </summary>
    private async Task ReadMailsAsync(string email, JsonElement order)
    {
        var number = order.GetProperty("orderNumber").GetString()!;
        var welcome = await _mail.WaitForSubjectAsync(email, "Welcome to Harbour Lights, Grace");
        var placed = await _mail.WaitForSubjectAsync(email, $"Your Harbour Lights order {number}");
        var paid = await _mail.WaitForSubjectAsync(email, $"Payment received for order {number}");
        var shipped = await _mail.WaitForSubjectAsync(email, $"Order {number} is on its way");
        var partial = await _mail.WaitForSubjectAsync(email, $"Partial refund for order {number}");
        var refund = await _mail.WaitForSubjectAsync(email, $"Refund for order {number}");

        Assert.Contains("Grace", welcome.TextBody, StringComparison.Ordinal);
        Assert.Contains("Hello Grace", placed.TextBody, StringComparison.Ordinal);
        Assert.Contains("Storm lantern", placed.TextBody, StringComparison.Ordinal);
        Assert.Contains("97.18", placed.TextBody, StringComparison.Ordinal);
        Assert.Contains("97.18", paid.TextBody, StringComparison.Ordinal);
        Assert.Contains("1Z999AA10123456784", shipped.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://www.ups.com/track?tracknum=1Z999AA10123456784", shipped.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("48.59", partial.TextBody, StringComparison.Ordinal);
        Assert.Contains("48.59", refund.TextBody, StringComparison.Ordinal);
        foreach (var mail in new[] { welcome, placed, paid, shipped, partial, refund })
        {
            Assert.Equal("no-reply@mercato.local", mail.From.Mailboxes.Single().Address);
            Assert.False(string.IsNullOrEmpty(mail.HtmlBody), mail.Subject);
        }

        // Nothing was sent twice, however often the events were delivered (the verification mail is the seventh).
        Assert.Equal(7, (await _mail.MessagesToAsync(email)).Count);
    }

    /// <summary>
    /// The customer pays on the sandbox gateway's hosted page, as a browser posts its form; the
    /// browser's return completes the payment, <c>PaymentSucceeded</c> marks the order paid, and the
    /// Catalog turns the held units into a sale when <c>OrderPaid</c> arrives. A payment provider
    /// (a service client) reads the order paid with the gateway's charge; the customer may not
    /// report a payment through the service endpoint.
    /// </summary>
    private async Task PayAsync(string customer, string admin, Guid orderId, Guid productId)
    {
        var session = await Api.DataAsync(HttpMethod.Post, "/api/v1/payments/checkout-sessions", customer, new
        {
            orderId, successUrl = "https://shop.example/paid", cancelUrl = "https://shop.example/cart",
        }, HttpStatusCode.Created);
        var checkoutUrl = new Uri(session.GetProperty("checkoutUrl").GetString()!);
        Assert.Equal(Api.BaseAddress!.Authority, checkoutUrl.Authority);

        // A browser: it follows nothing by itself, so each redirect is checked.
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Api.BaseAddress };
        using (var page = await browser.GetAsync(checkoutUrl.PathAndQuery))
        {
            await page.ExpectAsync(HttpStatusCode.OK);
        }

        using var paid = await browser.PostAsync(checkoutUrl.PathAndQuery, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["cardNumber"] = "4242 4242 4242 4242", ["expiry"] = "12/34", ["cvc"] = "123", ["name"] = "Grace Hopper",
        }));
        Assert.Equal(HttpStatusCode.SeeOther, paid.StatusCode);
        using var back = await browser.GetAsync(paid.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.SeeOther, back.StatusCode);
        Assert.Contains("status=success", back.Headers.Location!.Query, StringComparison.Ordinal);

        var paymentId = session.GetProperty("paymentId").GetGuid();
        var payment = await Api.GetDataAsync($"/api/v1/payments/{paymentId}", customer);
        Assert.Equal(("succeeded", session.Money("amount")), (payment.GetProperty("status").GetString(), payment.Money("captured")));
        var charge = payment.GetProperty("transactionId").GetString();

        var provider = await Api.ServiceTokenAsync(ShopDeployment.PaymentsClient, ShopDeployment.ClientSecret);
        (await Api.SendAsync(HttpMethod.Put, $"/api/v1/orders/service/{orderId}/payment", customer, HttpStatusCode.Forbidden, new { isPaid = true, paymentIntent = "pi_forged" })).Response.Dispose();
        var order = await ShopCalls.EventuallyAsync(() => Api.GetDataAsync($"/api/v1/orders/service/{orderId}", provider), o => o.GetProperty("status").GetString() == "paid");
        Assert.True(order.GetProperty("isPaid").GetBoolean());
        Assert.Equal(charge, order.GetProperty("paymentIntent").GetString());
        Assert.Equal(["pending", "paid"], StatusesOf(order));

        var sold = await ShopCalls.EventuallyAsync(() => LatestLedgerEntryAsync(admin, productId), e => e.GetProperty("kind").GetString() != "reserve");
        Assert.Equal("commit", sold.GetProperty("kind").GetString());
        Assert.Equal(orderId, sold.GetProperty("orderId").GetGuid());
        Assert.Equal(StockOnHand - Quantity, sold.GetProperty("onHandAfter").GetInt32());
        Assert.Equal(0, sold.GetProperty("reservedAfter").GetInt32());
        Assert.Equal(StockOnHand - Quantity, (await Api.GetDataAsync($"/api/v1/products/{productId}")).GetProperty("stock").GetInt32());
    }

    /// <summary>
    /// After delivery the administrator refunds half, then the rest: the payment's ledger and the
    /// order's history agree (a note for the partial refund, then refunded).
    /// </summary>
    private async Task RefundAsync(string customer, string admin, Guid orderId)
    {
        var payments = await Api.GetDataAsync($"/api/v1/payments?orderId={orderId}", admin);
        var payment = Assert.Single(payments.GetProperty("items").EnumerateArray());
        var paymentId = payment.GetProperty("id").GetGuid();
        var half = decimal.Round(payment.Money("captured") / 2, 2);
        (await Api.SendAsync(HttpMethod.Post, $"/api/v1/payments/{paymentId}/refund", customer, HttpStatusCode.Forbidden, new { amount = half, reason = "Mine" })).Response.Dispose();

        var first = await Api.DataAsync(HttpMethod.Post, $"/api/v1/payments/{paymentId}/refund", admin, new { amount = half, reason = "One lamp arrived broken" });
        Assert.Equal("succeeded", first.GetProperty("status").GetString());
        await ShopCalls.EventuallyAsync(
            () => Api.GetDataAsync($"/api/v1/orders/{orderId}", customer),
            o => o.GetProperty("statusHistory").EnumerateArray().Any(e => e.GetProperty("note").ValueKind == JsonValueKind.String && e.GetProperty("note").GetString()!.EndsWith("(partial refund)", StringComparison.Ordinal)));
        var rest = await Api.DataAsync(HttpMethod.Post, $"/api/v1/payments/{paymentId}/refund", admin, new { reason = "Returned the other one" });
        Assert.Equal(payment.Money("captured") - half, rest.Money("amount"));

        var ledger = await Api.GetDataAsync($"/api/v1/payments/{paymentId}", admin);
        Assert.Equal(("refunded", ledger.Money("captured")), (ledger.GetProperty("status").GetString(), ledger.Money("refunded")));
        Assert.Equal(["captured", "refunded", "refunded"], ledger.GetProperty("transactions").EnumerateArray().Select(t => t.GetProperty("kind").GetString()!).ToArray());
        var order = await ShopCalls.EventuallyAsync(() => Api.GetDataAsync($"/api/v1/orders/{orderId}", customer), o => o.GetProperty("status").GetString() == "refunded");
        // The moves, and the partial refund noted while delivered (a note and a move written within
        // one second may be listed in either order: the history is ordered by time, then by chain).
        var history = order.GetProperty("statusHistory").EnumerateArray().ToList();
        Assert.Equal(["pending", "paid", "processing", "shipped", "delivered", "refunded"], history
            .Where(e => e.GetProperty("note").ValueKind != JsonValueKind.String || !e.GetProperty("note").GetString()!.EndsWith("(partial refund)", StringComparison.Ordinal))
            .Select(e => e.GetProperty("status").GetString()!).ToArray());
        var partial = Assert.Single(history, e => e.GetProperty("note").ValueKind == JsonValueKind.String && e.GetProperty("note").GetString()!.EndsWith("(partial refund)", StringComparison.Ordinal));
        Assert.Equal("delivered", partial.GetProperty("status").GetString());
    }

    /// <summary>The administrator moves the paid order to processing, shipped (with tracking) and delivered; the customer cannot.</summary>
    private async Task FulfilAsync(string customer, string admin, Guid orderId)
    {
        var status = $"/api/v1/orders/{orderId}/status";
        (await Api.SendAsync(HttpMethod.Put, status, customer, HttpStatusCode.Forbidden, new { status = "processing" })).Response.Dispose();
        await Api.DataAsync(HttpMethod.Put, status, admin, new { status = "processing", note = "Packing" });
        await Api.DataAsync(HttpMethod.Put, status, admin, new { status = "shipped", note = "Collected", trackingNumber = "1Z999AA10123456784", carrier = "UPS" });
        await Api.DataAsync(HttpMethod.Put, status, admin, new { status = "delivered" });

        var order = await Api.GetDataAsync($"/api/v1/orders/{orderId}", customer);
        Assert.Equal("delivered", order.GetProperty("status").GetString());
        Assert.Equal(["pending", "paid", "processing", "shipped", "delivered"], StatusesOf(order));
        var shipped = order.GetProperty("statusHistory")[3];
        Assert.Equal("1Z999AA10123456784", shipped.GetProperty("trackingNumber").GetString());
        Assert.Equal("UPS", shipped.GetProperty("carrier").GetString());
        Assert.Equal("Collected", shipped.GetProperty("note").GetString());
        Assert.Equal("1Z999AA10123456784", order.GetProperty("trackingNumber").GetString());
        Assert.Equal("UPS", order.GetProperty("carrier").GetString());
    }

    /// <summary>The customer downloads the order's invoice, a PDF.</summary>
    private async Task DownloadInvoiceAsync(string customer, Guid orderId)
    {
        using var invoice = await Api.CallAsync(HttpMethod.Get, $"/api/v1/orders/{orderId}/invoice", customer);
        await invoice.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("application/pdf", invoice.Content.Headers.ContentType?.MediaType);
        var bytes = await invoice.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF-"u8.ToArray(), bytes[..5]);
    }

    /// <summary>Once the Catalog has heard of the delivery, the customer's review is a verified purchase.</summary>
    private async Task ReviewAsync(Guid customerId, string customer, Guid productId)
    {
        await ShopCalls.EventuallyAsync(() => shop.HasRecordedPurchaseAsync(customerId, productId), recorded => recorded);

        var review = await Api.DataAsync(HttpMethod.Post, $"/api/v1/products/{productId}/reviews", customer, new
        {
            rating = 5,
            title = "Bright and sturdy",
            comment = "Survived a week of gales on the balcony.",
        }, HttpStatusCode.Created);
        Assert.True(review.GetProperty("verifiedPurchase").GetBoolean(), review.ToString());

        var reviews = await Api.GetDataAsync($"/api/v1/products/{productId}/reviews");
        var listed = Assert.Single(reviews.GetProperty("items").EnumerateArray());
        Assert.True(listed.GetProperty("verifiedPurchase").GetBoolean());
        var product = await Api.GetDataAsync($"/api/v1/products/{productId}");
        Assert.Equal(1, product.GetProperty("reviewCount").GetInt32());
        Assert.Equal(5m, product.GetProperty("rating").GetDecimal());
    }

    /// <summary>Places the customer's cart as an order to their saved address, then sends the same request again; both answers are the one order.</summary>
    private async Task<JsonElement> PlaceOrderAsync(string customer, string couponCode, JsonElement cart, Guid shippingAddressId)
    {
        var body = new { shippingAddressId, couponCode, notes = "Leave it with the neighbour" };
        var key = new Dictionary<string, string> { ["Idempotency-Key"] = Guid.NewGuid().ToString() };
        var (placed, first) = await Api.SendAsync(HttpMethod.Post, "/api/v1/orders", customer, HttpStatusCode.Created, body, key);
        first.Dispose();
        var order = placed.GetProperty("data");
        Assert.Equal("pending", order.GetProperty("status").GetString());
        Assert.Matches(OrderNumberPattern(), order.GetProperty("orderNumber").GetString());
        foreach (var figure in new[] { "subtotal", "discount", "tax", "total" })
        {
            Assert.Equal(cart.Money(figure), order.Money(figure));
        }

        Assert.Equal(couponCode, order.GetProperty("couponCode").GetString());
        var line = Assert.Single(order.GetProperty("items").EnumerateArray());
        Assert.Equal(Quantity, line.GetProperty("quantity").GetInt32());
        Assert.Equal(UnitPrice, line.Money("price"));
        Assert.Equal(["pending"], StatusesOf(order));

        var (replayed, second) = await Api.SendAsync(HttpMethod.Post, "/api/v1/orders", customer, HttpStatusCode.Created, body, key);
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        second.Dispose();
        Assert.Equal(order.GetProperty("id").GetGuid(), replayed.GetProperty("data").GetProperty("id").GetGuid());
        return order;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _mail.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>The product's newest stock ledger entry (Admin).</summary>
    private async Task<JsonElement> LatestLedgerEntryAsync(string admin, Guid productId) =>
        (await Api.GetDataAsync($"/api/v1/products/{productId}/stock/ledger?pageSize=1", admin)).GetProperty("items")[0];

    /// <summary>The statuses of an order's history, oldest first.</summary>
    private static string[] StatusesOf(JsonElement order) =>
        [.. order.GetProperty("statusHistory").EnumerateArray().Select(c => c.GetProperty("status").GetString()!)];

    /// <summary>A word of letters only, unique to this run, that full-text search indexes as one term.</summary>
    private static string UniqueWord() =>
        string.Concat(Guid.NewGuid().ToString("N")[..12].Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16))));

    [GeneratedRegex(@"/account/verify-email\?token=(?<token>[A-Za-z0-9_%-]+)")]
    private static partial Regex VerifyLink();

    [GeneratedRegex(@"^ORD-\d{4}-\d{6}$")]
    private static partial Regex OrderNumberPattern();
}
