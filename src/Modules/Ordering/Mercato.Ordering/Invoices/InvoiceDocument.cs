using System.Globalization;
using Mercato.Ordering.Orders;
using Microsoft.Extensions.Options;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Mercato.Ordering.Invoices;

/// <summary>
/// Renders a stored order (its lines loaded) as a PDF invoice: the shop's name, the order number
/// and date, who is billed, one table row per line (continued over as many A4 pages as it takes,
/// its heading repeated), then subtotal, discount with the coupon, tax, shipping and total.
/// Text is embedded as Unicode (DejaVu Sans, any script it covers) with a ToUnicode map, so it
/// stays searchable and copyable. Money is shown with two decimals, culture-invariant.
/// </summary>
internal sealed class InvoiceDocument
{
    private const double LineHeight = 12;

    // Table columns: x offset from the left margin and width, points (A4 content width is ~495).
    private const double NameX = 0, NameWidth = 190;
    private const double SkuX = 195, SkuWidth = 100;
    private const double QuantityX = 295, QuantityWidth = 40;
    private const double PriceX = 335, PriceWidth = 75;
    private const double LineTotalX = 410, LineTotalWidth = 85;

    private readonly string _shopName;
    private readonly XFont _body;
    private readonly XFont _bold;
    private readonly XFont _small;
    private readonly XFont _title;

    /// <summary>Creates the renderer with the shop's name from <see cref="OrderingOptions.ShopName"/>.</summary>
    public InvoiceDocument(IOptions<OrderingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _shopName = options.Value.ShopName;
        // PDFsharp's licence and fonts must be set up before any XFont exists.
        PdfSharpSetup.EnsureReady();
        var unicode = new XPdfFontOptions(PdfFontEncoding.Unicode);
        _body = new XFont(InvoiceFonts.Family, 9, XFontStyleEx.Regular, unicode);
        _bold = new XFont(InvoiceFonts.Family, 9, XFontStyleEx.Bold, unicode);
        _small = new XFont(InvoiceFonts.Family, 7.5, XFontStyleEx.Regular, unicode);
        _title = new XFont(InvoiceFonts.Family, 20, XFontStyleEx.Bold, unicode);
    }

    /// <summary>The PDF's bytes for <paramref name="order"/>, whose <see cref="Order.Lines"/> must be loaded.</summary>
    public byte[] Render(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        using var document = new PdfDocument();
        document.Info.Title = $"Invoice {order.Number}";
        document.Info.Author = _shopName;
        document.Info.CreationDate = order.CreatedAt;

        using (var pages = new InvoicePages(document))
        {
            WriteHeading(pages, order);
            WriteParties(pages, order);
            WriteLines(pages, order);
            WriteTotals(pages, order);
            pages.Finish($"{_shopName} · Invoice {order.Number}", _small);
        }

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    /// <summary>Money as the invoice shows it: two decimals, thousands grouped, culture-invariant (<c>1,234.50</c>).</summary>
    public static string Money(decimal amount) => amount.ToString("N2", CultureInfo.InvariantCulture);

    private void WriteHeading(InvoicePages pages, Order order)
    {
        var right = InvoicePages.Margin + (pages.ContentWidth / 2);
        var half = pages.ContentWidth / 2;
        pages.Text(_shopName, _title, InvoicePages.Margin, half);
        pages.Text("Invoice", _title, right, half, alignRight: true);
        pages.Advance(34);
        pages.Text("Order number", _body, right, half / 2);
        pages.Text(order.Number, _bold, right, half, alignRight: true);
        pages.Advance(LineHeight);
        pages.Text("Date", _body, right, half / 2);
        pages.Text(order.CreatedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), _body, right, half, alignRight: true);
        pages.Advance(LineHeight * 2);
    }

    private void WriteParties(InvoicePages pages, Order order)
    {
        // Bill-to (with the e-mail, the longest line) gets 60 % of the width, ship-to the rest.
        var billWidth = (pages.ContentWidth * 0.6) - 10;
        var shipX = InvoicePages.Margin + (pages.ContentWidth * 0.6);
        var shipWidth = (pages.ContentWidth * 0.4) - 10;
        var name = string.Join(' ', new[] { order.FirstName, order.LastName }.Where(n => !string.IsNullOrWhiteSpace(n)));
        var billLines = PartyLines(pages, [name, order.ContactEmail, .. AddressLines(order.BillingAddress)], billWidth);
        var shipLines = PartyLines(pages, [name, .. AddressLines(order.ShippingAddress)], shipWidth);
        var rows = Math.Max(billLines.Count, shipLines.Count);

        pages.Reserve(LineHeight * (1 + rows));
        pages.Text("Bill to", _bold, InvoicePages.Margin, billWidth);
        pages.Text("Ship to", _bold, shipX, shipWidth);
        pages.Advance(LineHeight);
        for (var i = 0; i < rows; i++)
        {
            if (i < billLines.Count)
            {
                pages.Text(billLines[i].Text, billLines[i].Font, InvoicePages.Margin, billWidth);
            }

            if (i < shipLines.Count)
            {
                pages.Text(shipLines[i].Text, shipLines[i].Font, shipX, shipWidth);
            }

            pages.Advance(LineHeight);
        }

        pages.Advance(LineHeight * 1.5);
    }

    /// <summary>
    /// The non-empty lines of an address block: each on one line, in the small font if only that
    /// fits (an e-mail address stays whole), else wrapped.
    /// </summary>
    private List<(string Text, XFont Font)> PartyLines(InvoicePages pages, IEnumerable<string> lines, double width)
    {
        var result = new List<(string, XFont)>();
        foreach (var line in lines.Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            var wrapped = pages.Wrap(line, _body, width);
            if (wrapped.Count > 1 && pages.Wrap(line, _small, width).Count == 1)
            {
                result.Add((line, _small));
            }
            else
            {
                result.AddRange(wrapped.Select(w => (w, _body)));
            }
        }

        return result;
    }

    private static IEnumerable<string> AddressLines(PostalAddress address) =>
    [
        address.Street,
        string.Join(' ', new[] { address.ZipCode, address.City }.Where(p => !string.IsNullOrWhiteSpace(p))),
        address.State,
        address.Country,
    ];

    private void WriteLines(InvoicePages pages, Order order)
    {
        pages.Reserve(LineHeight * 3);
        WriteTableHeading(pages);
        pages.PageStarted = () => WriteTableHeading(pages);
        foreach (var line in order.Lines)
        {
            var names = pages.Wrap(line.ProductName, _body, NameWidth);
            var skus = pages.Wrap(line.Sku, _body, SkuWidth);
            var rows = Math.Max(names.Count, skus.Count);
            pages.Reserve(rows * LineHeight + 3);
            var x = InvoicePages.Margin;
            pages.Text(line.Quantity.ToString(CultureInfo.InvariantCulture), _body, x + QuantityX, QuantityWidth, alignRight: true);
            pages.Text(Money(line.UnitPrice), _body, x + PriceX, PriceWidth, alignRight: true);
            // Before the line's share of the discount: the rows add up to the subtotal, the discount is shown once below.
            pages.Text(Money(line.UnitPrice * line.Quantity), _body, x + LineTotalX, LineTotalWidth, alignRight: true);
            for (var i = 0; i < rows; i++)
            {
                if (i < names.Count)
                {
                    pages.Text(names[i], _body, x + NameX, NameWidth);
                }

                if (i < skus.Count)
                {
                    pages.Text(skus[i], _body, x + SkuX, SkuWidth);
                }

                pages.Advance(LineHeight);
            }

            pages.Advance(3);
        }

        pages.PageStarted = null;
        pages.Rule();
        pages.Advance(LineHeight / 2);
    }

    private void WriteTableHeading(InvoicePages pages)
    {
        var x = InvoicePages.Margin;
        pages.Text("Item", _bold, x + NameX, NameWidth);
        pages.Text("SKU", _bold, x + SkuX, SkuWidth);
        pages.Text("Qty", _bold, x + QuantityX, QuantityWidth, alignRight: true);
        pages.Text("Unit price", _bold, x + PriceX, PriceWidth, alignRight: true);
        pages.Text("Line total", _bold, x + LineTotalX, LineTotalWidth, alignRight: true);
        pages.Advance(LineHeight + 1);
        pages.Rule();
        pages.Advance(4);
    }

    private void WriteTotals(InvoicePages pages, Order order)
    {
        var discountLabel = order.CouponCode is { Length: > 0 } code ? $"Discount ({code})" : "Discount";
        (string Label, string Amount, XFont Font)[] rows =
        [
            ("Subtotal", Money(order.Subtotal), _body),
            (discountLabel, order.Discount == 0 ? Money(0) : "-" + Money(order.Discount), _body),
            ("Tax", Money(order.Tax), _body),
            ("Shipping", Money(order.ShippingCost), _body),
            ("Total", Money(order.Total), _bold),
        ];

        pages.Reserve(rows.Length * LineHeight + 6);
        var labelX = InvoicePages.Margin + PriceX - 80;
        foreach (var (label, amount, font) in rows)
        {
            if (ReferenceEquals(font, _bold))
            {
                pages.Advance(3);
            }

            pages.Text(label, font, labelX, 160);
            pages.Text(amount, font, InvoicePages.Margin + LineTotalX, LineTotalWidth, alignRight: true);
            pages.Advance(LineHeight);
        }
    }
}
