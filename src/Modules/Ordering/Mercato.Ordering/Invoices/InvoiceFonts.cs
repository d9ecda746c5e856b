using PdfSharp.Fonts;

namespace Mercato.Ordering.Invoices;

/// <summary>
/// PDFsharp's font resolver for invoices: the family <see cref="Family"/> maps to DejaVu Sans
/// (regular and bold), embedded in this assembly, so rendering never depends on the machine's
/// fonts (a fresh Linux container has none PDFsharp could use). PDFsharp keeps one resolver per
/// process; <see cref="EnsureInstalled"/> installs this one the first time an invoice is drawn.
/// </summary>
internal sealed class InvoiceFonts : IFontResolver
{
    /// <summary>The family name invoices ask for.</summary>
    public const string Family = "Mercato Invoice Sans";

    private const string RegularFace = "DejaVuSans";
    private const string BoldFace = "DejaVuSans-Bold";

    private static readonly Lock Gate = new();
    private static readonly InvoiceFonts Instance = new();

    private InvoiceFonts()
    {
    }

    /// <summary>Installs the resolver once per process; fails if another resolver already owns PDFsharp's fonts.</summary>
    public static void EnsureInstalled()
    {
        if (ReferenceEquals(GlobalFontSettings.FontResolver, Instance))
        {
            return;
        }

        lock (Gate)
        {
            GlobalFontSettings.FontResolver ??= Instance;
            if (!ReferenceEquals(GlobalFontSettings.FontResolver, Instance))
            {
                throw new InvalidOperationException(
                    $"PDFsharp already has another font resolver ({GlobalFontSettings.FontResolver.GetType().FullName}); invoices need {nameof(InvoiceFonts)}.");
            }
        }
    }

    /// <inheritdoc />
    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        string.Equals(familyName, Family, StringComparison.OrdinalIgnoreCase)
            // DejaVu Sans has an oblique face, but invoices never use italics: PDFsharp slants if asked.
            ? new FontResolverInfo(bold ? BoldFace : RegularFace, mustSimulateBold: false, mustSimulateItalic: italic)
            : null;

    /// <inheritdoc />
    public byte[]? GetFont(string faceName)
    {
        if (faceName is not (RegularFace or BoldFace))
        {
            return null;
        }

        using var stream = typeof(InvoiceFonts).Assembly.GetManifestResourceStream($"Mercato.Ordering.Invoices.{faceName}.ttf")
            ?? throw new InvalidOperationException($"The embedded font {faceName}.ttf is missing from {typeof(InvoiceFonts).Assembly.GetName().Name}.");
        using var bytes = new MemoryStream(checked((int)stream.Length));
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }
}
