using System.Security;
using System.Text;

namespace Mercato.Catalog.Media;

/// <summary>
/// The pictures Mercato draws itself for products and categories (so a demo shop needs no outside
/// images): a rounded square in a colour derived from the SKU (or category slug), with the
/// initials of the name and the SKU (or slug) written below.
/// </summary>
internal static class MediaSvg
{
    /// <summary>The pictures' media type.</summary>
    public const string ContentType = "image/svg+xml";

    /// <summary>The URL a product's picture is served at.</summary>
    public static string ProductUrl(string sku) => $"/api/v1/catalog/media/products/{Uri.EscapeDataString(sku)}.svg";

    /// <summary>The URL a category's picture is served at.</summary>
    public static string CategoryUrl(string slug) => $"/api/v1/catalog/media/categories/{Uri.EscapeDataString(slug)}.svg";

    /// <summary>Renders the picture of <paramref name="name"/>, coloured and labelled by <paramref name="key"/> (SKU or slug).</summary>
    public static string Render(string key, string name)
    {
        var hue = Hue(key);
        var initials = Initials(name);
        return new StringBuilder()
            .Append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"400\" height=\"400\" viewBox=\"0 0 400 400\" role=\"img\" aria-label=\"")
            .Append(SecurityElement.Escape(name)).Append("\">")
            .Append("<rect width=\"400\" height=\"400\" rx=\"32\" fill=\"hsl(").Append(hue).Append(",55%,45%)\"/>")
            .Append("<circle cx=\"400\" cy=\"0\" r=\"180\" fill=\"hsl(").Append((hue + 40) % 360).Append(",60%,60%)\" fill-opacity=\"0.5\"/>")
            .Append("<text x=\"200\" y=\"200\" dy=\"0.35em\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"150\" font-weight=\"700\" fill=\"#fff\">")
            .Append(SecurityElement.Escape(initials)).Append("</text>")
            .Append("<text x=\"200\" y=\"370\" text-anchor=\"middle\" font-family=\"monospace\" font-size=\"24\" fill=\"#fff\" fill-opacity=\"0.85\">")
            .Append(SecurityElement.Escape(key)).Append("</text></svg>")
            .ToString();
    }

    /// <summary>A hue (0-359) that depends only on the key (FNV-1a, stable across processes).</summary>
    internal static int Hue(string key)
    {
        var hash = 2166136261u;
        foreach (var c in key.ToUpperInvariant())
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
