using System.Text;
using System.Text.RegularExpressions;

namespace Mercato.Catalog;

/// <summary>URL names of products and categories: lower-case letters and digits in dash-separated words.</summary>
internal static partial class Slugs
{
    /// <summary>What a slug looks like.</summary>
    public const string Pattern = "^[a-z0-9]+(?:-[a-z0-9]+)*$";

    /// <summary>Whether <paramref name="slug"/> is a well-formed slug.</summary>
    public static bool IsValid(string? slug) => slug is not null && SlugRegex().IsMatch(slug);

    /// <summary>The slug made from a name (ASCII letters and digits kept, anything else between them becomes one dash), at most <paramref name="maxLength"/> characters.</summary>
    public static string From(string? name, int maxLength)
    {
        var builder = new StringBuilder();
        var dash = false;
        foreach (var c in name ?? string.Empty)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (dash && builder.Length > 0)
                {
                    builder.Append('-');
                }

                builder.Append(char.ToLowerInvariant(c));
                dash = false;
            }
            else
            {
                dash = true;
            }
        }

        var slug = builder.Length > maxLength ? builder.ToString(0, maxLength) : builder.ToString();
        return slug.TrimEnd('-');
    }

    [GeneratedRegex(Pattern, RegexOptions.CultureInvariant)]
    private static partial Regex SlugRegex();
}
