using Mercato.Ordering.Invoices;
using Mercato.Ordering.Orders;
using Microsoft.Extensions.Options;

namespace Mercato.Ordering.Tests.Invoices;

/// <summary>
/// The invoice as a customer opens it: the bytes are a PDF PDFsharp reads back, with the expected
/// page count, and its pages' text (decoded through the fonts' ToUnicode maps) shows what the order says.
/// </summary>
public sealed class InvoiceDocumentTests
{
    private static readonly DateTime PlacedAt = new(2026, 11, 24, 9, 30, 0, DateTimeKind.Utc);

    [Fact]
    public void One_line_order_shows_shop_order_buyer_line_and_totals_on_one_page()
    {
        var order = Order("ORD-2026-000042", ("Walnut desk", "DESK-WAL-1", 1234.50m, 1));
        order.Tax = 98.76m;
        order.ShippingCost = 5m;
        Total(order);

        var pages = Render(order, shopName: "Corner Shop");

        var page = Assert.Single(pages);
        Assert.All(
            [
                "Corner Shop", "Invoice", "ORD-2026-000042", "2026-11-24",
                "Bill to", "Ada Lovelace", "ada@example.test", "12 Analytical Row", "EC1A 1BB London", "United Kingdom",
                "Ship to", "1 Engine Yard",
                "Walnut desk", "DESK-WAL-1", "1,234.50",
                "Subtotal", "Tax", "98.76", "Shipping", "5.00", "Total", "1,338.26",
                "Page 1 of 1",
            ],
            expected => Assert.Contains(expected, page, StringComparison.Ordinal));
        Assert.Equal(1338.26m, order.Total);
    }

    [Fact]
    public void Coupon_order_shows_the_code_and_the_discount_taken_off()
    {
        var order = Order("ORD-2026-000043", ("Tea cup", "CUP-1", 12.00m, 3), ("Teapot", "POT-1", 40.00m, 1));
        order.CouponCode = "SAVE10";
        order.Discount = 7.60m;
        order.Tax = 6.84m;
        order.ShippingCost = 4.99m;
        Total(order);

        var page = Assert.Single(Render(order));

        Assert.Contains("Mercato", page, StringComparison.Ordinal);
        Assert.Contains("Discount (SAVE10)", page, StringComparison.Ordinal);
        Assert.Contains("-7.60", page, StringComparison.Ordinal);
        Assert.Contains("76.00", page, StringComparison.Ordinal); // subtotal: 3 × 12.00 + 40.00
        Assert.Contains("36.00", page, StringComparison.Ordinal); // the cups' line: 3 × 12.00
        Assert.Contains(InvoiceDocument.Money(order.Total), page, StringComparison.Ordinal);
        Assert.Equal("80.23", InvoiceDocument.Money(order.Total));
    }

    [Fact]
    public void A_120_line_order_spans_pages_repeating_the_heading_and_keeps_every_line()
    {
        var lines = Enumerable.Range(1, 120)
            .Select(i => ($"Sample product number {i:D3} with a name long enough to wrap onto a second row", $"SKU-{i:D3}", 1.25m * i, i % 4 + 1))
            .ToArray();
        var order = Order("ORD-2026-000044", lines);
        Total(order);

        var pages = Render(order);

        Assert.True(pages.Count >= 3, $"expected at least 3 pages, got {pages.Count}");
        var all = string.Join('\n', pages);
        for (var i = 1; i <= 120; i++)
        {
            Assert.Contains($"SKU-{i:D3}", all, StringComparison.Ordinal);
            Assert.Contains($"Sample product number {i:D3}", all, StringComparison.Ordinal);
        }

        Assert.All(pages, p => Assert.Contains("Line total", p, StringComparison.Ordinal));
        Assert.All(pages.Select((p, i) => (p, i)), x => Assert.Contains($"Page {x.i + 1} of {pages.Count}", x.p, StringComparison.Ordinal));
        Assert.Contains("ORD-2026-000044", pages[0], StringComparison.Ordinal);
        Assert.Contains(InvoiceDocument.Money(order.Total), pages[^1], StringComparison.Ordinal);
        Assert.DoesNotContain("SKU-120", pages[0], StringComparison.Ordinal);
        Assert.DoesNotContain("SKU-001", pages[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Non_ascii_names_and_addresses_come_back_as_written()
    {
        var order = Order("ORD-2026-000045", ("Crème brûlée set für Süßes", "CRÈME-1", 19.90m, 2));
        order.FirstName = "Renée";
        order.LastName = "Groß-Müller";
        order.BillingAddress.Street = "Königstraße 7";
        order.BillingAddress.City = "Düsseldorf";
        order.BillingAddress.Country = "Deutschland";
        Total(order);

        var page = Assert.Single(Render(order, shopName: "Épicerie Über"));

        Assert.All(
            ["Épicerie Über", "Renée Groß-Müller", "Königstraße 7", "Düsseldorf", "Crème brûlée set für Süßes", "CRÈME-1", "39.80"],
            expected => Assert.Contains(expected, page, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_font_is_dejavu_sans_embedded_in_the_file_never_one_of_the_machine()
    {
        var order = Order("ORD-2026-000046", ("Lamp", "LAMP-1", 30.00m, 1));
        Total(order);
        var bytes = new InvoiceDocument(Options.Create(new OrderingOptions())).Render(order);

        var fonts = PdfText.Fonts(bytes);

        Assert.NotEmpty(fonts);
        Assert.All(fonts, f =>
        {
            Assert.Contains("DejaVu Sans", f.BaseFont.Replace("#20", " ", StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.True(f.Embedded, $"{f.BaseFont} is not embedded");
        });
        Assert.Contains(fonts, f => f.BaseFont.Contains("Bold", StringComparison.Ordinal));
    }

    private static List<string> Render(Order order, string shopName = "Mercato")
    {
        var bytes = new InvoiceDocument(Options.Create(new OrderingOptions { ShopName = shopName })).Render(order);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(bytes, 0, 5), StringComparison.Ordinal);
        return [.. PdfText.Pages(bytes)];
    }

    private static Order Order(string number, params (string Name, string Sku, decimal Price, int Quantity)[] lines)
    {
        var order = new Order
        {
            Id = Guid.CreateVersion7(),
            Number = number,
            UserId = Guid.CreateVersion7(),
            ContactEmail = "ada@example.test",
            FirstName = "Ada",
            LastName = "Lovelace",
            BillingAddress = new PostalAddress { Street = "12 Analytical Row", City = "London", ZipCode = "EC1A 1BB", Country = "United Kingdom" },
            ShippingAddress = new PostalAddress { Street = "1 Engine Yard", City = "London", ZipCode = "EC1A 2BB", Country = "United Kingdom" },
            Status = OrderStatus.Pending,
            CreatedAt = PlacedAt,
            UpdatedAt = PlacedAt,
        };
        order.Lines.AddRange(lines.Select(l => new OrderLine
        {
            Id = Guid.CreateVersion7(),
            OrderId = order.Id,
            ProductId = Guid.CreateVersion7(),
            ProductName = l.Name,
            Sku = l.Sku,
            UnitPrice = l.Price,
            Quantity = l.Quantity,
            LineTotal = l.Price * l.Quantity,
        }));
        return order;
    }

    private static void Total(Order order)
    {
        order.Subtotal = order.Lines.Sum(l => l.UnitPrice * l.Quantity);
        order.Total = order.Subtotal - order.Discount + order.Tax + order.ShippingCost;
    }
}
