using System.Text;
using System.Text.RegularExpressions;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;

namespace Mercato.Catalog;

/// <summary>URL names of products and categories: lower-case letters and digits in dash-separated words.</summary>
internal static partial class Slugs
{
    /// <summary>What a slug looks like.</summary>
    public const string Pattern = "^[a-z0-9]+(?:-[a-z0-9]+)*$";

    /// <summary>
    /// The 400 naming <paramref name="field"/> when a slug, SKU or id in a path is longer than any
    /// stored one can be (<paramref name="maxLength"/>, the limit the document publishes), else null.
    /// </summary>
    public static ApiErrorResult? RefuseLonger(string field, string value, int maxLength) =>
        value.Length > maxLength ? ApiResults.BadRequest(field, $"{field} must be at most {maxLength} characters") : null;

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
