using System.Security;
using System.Text;

namespace Mercato.Catalog.Media;

/// <summary>
/// The picture Mercato draws for a product itself (so a demo shop needs no outside images): a
/// rounded square in a colour derived from the SKU, with the product's initials.
/// </summary>
public static class ProductImageSvg
{
    /// <summary>The URL a product's picture is served at.</summary>
    public static string UrlFor(string sku) => $"/api/v1/catalog/media/products/{Uri.EscapeDataString(sku)}.svg";

    /// <summary>Renders the picture.</summary>
    public static string Render(string sku, string name)
    {
        var hue = Hue(sku);
        var initials = Initials(name);
        return new StringBuilder()
            .Append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"400\" height=\"400\" viewBox=\"0 0 400 400\" role=\"img\" aria-label=\"")
            .Append(SecurityElement.Escape(name)).Append("\">")
            .Append("<rect width=\"400\" height=\"400\" rx=\"32\" fill=\"hsl(").Append(hue).Append(",55%,45%)\"/>")
            .Append("<circle cx=\"400\" cy=\"0\" r=\"180\" fill=\"hsl(").Append((hue + 40) % 360).Append(",60%,60%)\" fill-opacity=\"0.5\"/>")
            .Append("<text x=\"200\" y=\"200\" dy=\"0.35em\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"150\" font-weight=\"700\" fill=\"#fff\">")
            .Append(SecurityElement.Escape(initials)).Append("</text>")
            .Append("<text x=\"200\" y=\"370\" text-anchor=\"middle\" font-family=\"monospace\" font-size=\"24\" fill=\"#fff\" fill-opacity=\"0.85\">")
            .Append(SecurityElement.Escape(sku)).Append("</text></svg>")
            .ToString();
    }

    /// <summary>A hue (0-359) that depends only on the SKU (FNV-1a, stable across processes).</summary>
    internal static int Hue(string sku)
    {
        var hash = 2166136261u;
        foreach (var c in sku.ToUpperInvariant())
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % 360);
    }

    /// <summary>Up to two initials of the name's words, upper case ("?" without letters).</summary>
    internal static string Initials(string name)
    {
        var initials = name.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => char.IsLetterOrDigit(w[0]))
            .Take(2)
            .Select(w => char.ToUpperInvariant(w[0]));
        var text = string.Concat(initials);
        return text.Length == 0 ? "?" : text;
    }
}
