using PdfSharp;
using PdfSharp.License;
using PdfSharp.Pdf;

namespace Mercato.Ordering.Invoices;

/// <summary>
/// Readies PDFsharp's process-wide state before the first invoice: its licence and the invoice
/// fonts. From 6.5 PDFsharp refuses to create a document until the program selects a licence.
/// Mercato, being open source, selects the free AGPL licence unless the host has already loaded
/// a commercial one (<c>PdfSharpLicense.LoadLicense</c> at start-up), which is then kept.
/// </summary>
internal static class PdfSharpSetup
{
    private static readonly Lock Gate = new();
    private static bool _ready;

    /// <summary>Selects the licence (if none valid is loaded) and installs <see cref="InvoiceFonts"/>; idempotent.</summary>
    public static void EnsureReady()
    {
        if (Volatile.Read(ref _ready))
        {
            return;
        }

        lock (Gate)
        {
            if (!_ready)
            {
                SelectLicence();
                InvoiceFonts.EnsureInstalled();
                Volatile.Write(ref _ready, true);
            }
        }
    }

    private static void SelectLicence()
    {
        try
        {
            // PDFsharp exposes no "is a licence loaded?": creating a document is how it checks.
            using var probe = new PdfDocument();
        }
        catch (PdfSharpLicenseException)
        {
            PdfSharpLicense.SetAgplLicense();
        }
    }
}
