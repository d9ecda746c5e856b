namespace Mercato.Ordering.Invoices;

/// <summary>
/// Readies PDFsharp's process-wide state before the first invoice: the invoice fonts.
/// Mercato pins PDFsharp 6.2.x, the last line published under the MIT licence alone, so no
/// licence has to be selected at run time.
/// </summary>
internal static class PdfSharpSetup
{
    private static readonly Lock Gate = new();
    private static bool _ready;

    /// <summary>Installs <see cref="InvoiceFonts"/>; idempotent.</summary>
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
                InvoiceFonts.EnsureInstalled();
                Volatile.Write(ref _ready, true);
            }
        }
    }
}
