using System.Net;
using Mercato.Ordering.Invoices;
using Mercato.Ordering.Tests.Support;
using Mercato.Testing;

namespace Mercato.Ordering.Tests.Invoices;

/// <summary><c>GET /api/v1/orders/{id}/invoice</c> on one provider: the PDF itself, and who may download it.</summary>
public abstract class InvoiceApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : OrderingFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task The_owner_downloads_a_pdf_named_after_the_order_showing_its_number_and_total()
    {
        var order = await _client.PlacedOrderAsync(quantity: 3, price: 10.00m);
        var total = (await _client.OrderAsync(order.Id, order.Token)).GetProperty("total").GetDecimal();

        using var response = await InvoiceAsync(order.Id, order.Token);

        var text = await ExpectPdfAsync(response, order.Number);
        Assert.Contains(order.Number, text, StringComparison.Ordinal);
        Assert.Contains(InvoiceDocument.Money(total), text, StringComparison.Ordinal);
        Assert.Contains(InvoiceDocument.Money(30.00m), text, StringComparison.Ordinal); // the line: 3 × 10.00
        Assert.Contains(order.Email, text, StringComparison.Ordinal);
        Assert.Contains("Mercato", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_coupon_order_shows_the_code_and_the_discount()
    {
        var admin = await _client.AdminTokenAsync();
        var product = await _client.ProductAsync(admin, 40.00m, stock: 5);
        var code = await _client.CouponAsync(admin, percent: 25);
        var (_, _, token) = await _client.RegisterCustomerAsync();
        await _client.AddAsync(token, product, 2);
        await _client.ApplyCouponAsync(token, code);
        using var placed = await _client.PlaceOrderAsync(token, Shop.OrderBody(couponCode: code));
        await placed.ExpectAsync(HttpStatusCode.Created);
        var data = (await placed.ReadJsonAsync()).GetProperty("data");
        var id = data.GetProperty("id").GetGuid();

        using var response = await InvoiceAsync(id, token);

        var text = await ExpectPdfAsync(response, data.GetProperty("orderNumber").GetString()!);
        Assert.Contains($"Discount ({code})", text, StringComparison.Ordinal);
        Assert.Contains("-" + InvoiceDocument.Money(data.GetProperty("discount").GetDecimal()), text, StringComparison.Ordinal);
        Assert.Equal(20.00m, data.GetProperty("discount").GetDecimal());
        Assert.Contains(InvoiceDocument.Money(data.GetProperty("total").GetDecimal()), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_gets_it_another_customer_and_an_unknown_id_404_anonymous_401_and_a_service_token_without_a_shopper_role_403()
    {
        var order = await _client.PlacedOrderAsync();
        var (_, _, stranger) = await _client.RegisterCustomerAsync();
        var reports = await _client.ServiceTokenAsync(OrderingFactory.ReportsClient, OrderingFactory.ClientSecret);

        using var asAdmin = await InvoiceAsync(order.Id, order.AdminToken);
        using var asStranger = await InvoiceAsync(order.Id, stranger);
        using var unknown = await InvoiceAsync(Guid.NewGuid(), order.Token);
        using var anonymous = await InvoiceAsync(order.Id, null);
        using var asService = await InvoiceAsync(order.Id, reports);

        Assert.Contains(order.Number, await ExpectPdfAsync(asAdmin, order.Number), StringComparison.Ordinal);
        await asStranger.ExpectAsync(HttpStatusCode.NotFound);
        Assert.Equal(["NOT_FOUND"], (await asStranger.ReadErrorAsync()).ErrorCodes());
        await unknown.ExpectAsync(HttpStatusCode.NotFound);
        Assert.Equal(["NOT_FOUND"], (await unknown.ReadErrorAsync()).ErrorCodes());
        await anonymous.ExpectAsync(HttpStatusCode.Unauthorized);
        await asService.ExpectAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_guest_downloads_it_with_the_cart_key_the_order_was_placed_with_and_no_other_key()
    {
        var admin = await _client.AdminTokenAsync();
        var product = await _client.ProductAsync(admin, 15.00m, stock: 5, name: "Tasse à café");
        var cartKey = await _client.GuestCartAsync(product, 1);
        using var placed = await _client.PlaceOrderAsync(null, new
        {
            shippingAddress = new { street = "Hauptstraße 1", city = "München", state = "BY", zipCode = "80331", country = "Deutschland" },
            contactEmail = $"guest-{Shop.Unique()}@example.com",
            firstName = "Jürgen",
            lastName = "Weiß",
        }, cartKey: cartKey);
        await placed.ExpectAsync(HttpStatusCode.Created);
        var data = (await placed.ReadJsonAsync()).GetProperty("data");
        var id = data.GetProperty("id").GetGuid();
        var otherKey = await _client.GuestCartAsync(product, 1);

        using var withKey = await InvoiceAsync(id, null, cartKey);
        using var withOtherKey = await InvoiceAsync(id, null, otherKey);

        var text = await ExpectPdfAsync(withKey, data.GetProperty("orderNumber").GetString()!);
        Assert.All(["Jürgen Weiß", "Hauptstraße 1", "80331 München", "Tasse à café"], s => Assert.Contains(s, text, StringComparison.Ordinal));
        await withOtherKey.ExpectAsync(HttpStatusCode.NotFound);
    }

    private Task<HttpResponseMessage> InvoiceAsync(Guid id, string? token, string? cartKey = null)
        => _client.CallAsync(HttpMethod.Get, $"/api/v1/orders/{id}/invoice", token, headers: ShopApi.CartKey(cartKey));

    /// <summary>Asserts a 200 PDF download named <c>{number}.pdf</c> that PDFsharp reads back; returns its text.</summary>
    private static async Task<string> ExpectPdfAsync(HttpResponseMessage response, string number)
    {
        await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var disposition = response.Content.Headers.ContentDisposition;
        Assert.Equal("attachment", disposition?.DispositionType);
        Assert.Equal($"{number}.pdf", disposition?.FileName?.Trim('"'));
        var pages = PdfText.Pages(await response.Content.ReadAsByteArrayAsync());
        Assert.NotEmpty(pages);
        return string.Join('\n', pages);
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteInvoiceApiTests(OrderingFactory factory) : InvoiceApiTests<OrderingFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresInvoiceApiTests(PostgresOrderingFactory factory) : InvoiceApiTests<PostgresOrderingFactory>(factory);
