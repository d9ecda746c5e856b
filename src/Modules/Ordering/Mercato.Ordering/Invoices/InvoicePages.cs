using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Mercato.Ordering.Invoices;

/// <summary>
/// The invoice's pages as a writing cursor: text is drawn at <see cref="Y"/>, which moves down;
/// <see cref="Reserve"/> starts a new A4 page (and repeats the table heading through
/// <see cref="PageStarted"/>) when a block would cross the bottom margin.
/// </summary>
internal sealed class InvoicePages : IDisposable
{
    /// <summary>Left and right margin, points.</summary>
    public const double Margin = 50;

    private const double TopMargin = 50;
    private const double BottomMargin = 60;

    private readonly PdfDocument _document;
    private XGraphics? _graphics;

    /// <summary>Starts the document with its first page.</summary>
    public InvoicePages(PdfDocument document)
    {
        _document = document;
        NewPage();
    }

    /// <summary>Drawn at the top of every page after the first (the table heading while lines are written).</summary>
    public Action? PageStarted { get; set; }

    /// <summary>Where the next text goes, points from the page's top.</summary>
    public double Y { get; private set; }

    /// <summary>The page's width, points.</summary>
    public double PageWidth { get; private set; }

    /// <summary>The width between the margins.</summary>
    public double ContentWidth => PageWidth - (2 * Margin);

    private XGraphics Graphics => _graphics ?? throw new ObjectDisposedException(nameof(InvoicePages));

    /// <summary>Moves the cursor down.</summary>
    public void Advance(double height) => Y += height;

    /// <summary>Makes sure <paramref name="height"/> points fit above the bottom margin, starting a new page if not.</summary>
    public void Reserve(double height)
    {
        if (Y + height > Graphics.PageSize.Height - BottomMargin && Y > TopMargin)
        {
            NewPage();
            PageStarted?.Invoke();
        }
    }

    /// <summary>Draws one line of text at the cursor, left- or right-aligned in the box from <paramref name="x"/> of width <paramref name="width"/>.</summary>
    public void Text(string text, XFont font, double x, double width, bool alignRight = false) =>
        Graphics.DrawString(text, font, XBrushes.Black, new XRect(x, Y, width, font.GetHeight()),
            alignRight ? XStringFormats.TopRight : XStringFormats.TopLeft);

    /// <summary>Draws a horizontal rule across the content width at the cursor.</summary>
    public void Rule(double thickness = 0.5) =>
        Graphics.DrawLine(new XPen(XColors.Gray, thickness), Margin, Y, PageWidth - Margin, Y);

    /// <summary>Splits <paramref name="text"/> into lines no wider than <paramref name="width"/> (at spaces, or inside a word too long for one line).</summary>
    public IReadOnlyList<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        var current = string.Empty;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : $"{current} {word}";
            if (Fits(candidate, font, width))
            {
                current = candidate;
                continue;
            }

            if (current.Length > 0)
            {
                lines.Add(current);
            }

            current = word;
            while (!Fits(current, font, width) && current.Length > 1)
            {
                var cut = current.Length - 1;
                while (cut > 1 && !Fits(current[..cut], font, width))
                {
                    cut--;
                }

                lines.Add(current[..cut]);
                current = current[cut..];
            }
        }

        lines.Add(current);
        return lines;
    }

    /// <summary>Closes the last page and writes "Page i of n" with <paramref name="footer"/> at the bottom of every page.</summary>
    public void Finish(string footer, XFont font)
    {
        _graphics?.Dispose();
        _graphics = null;
        var count = _document.PageCount;
        for (var i = 0; i < count; i++)
        {
            var page = _document.Pages[i];
            using var graphics = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var box = new XRect(Margin, graphics.PageSize.Height - BottomMargin + 20, graphics.PageSize.Width - (2 * Margin), font.GetHeight());
            graphics.DrawString(footer, font, XBrushes.Gray, box, XStringFormats.TopLeft);
            graphics.DrawString($"Page {i + 1} of {count}", font, XBrushes.Gray, box, XStringFormats.TopRight);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _graphics?.Dispose();
        _graphics = null;
    }

    private bool Fits(string text, XFont font, double width) => Graphics.MeasureString(text, font).Width <= width;

    private void NewPage()
    {
        _graphics?.Dispose();
        var page = _document.AddPage();
        page.Size = PageSize.A4;
        _graphics = XGraphics.FromPdfPage(page);
        PageWidth = _graphics.PageSize.Width;
        Y = TopMargin;
    }
}
