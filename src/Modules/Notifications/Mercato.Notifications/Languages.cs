using Mercato.Platform.Validation;

namespace Mercato.Notifications;

/// <summary>Language tags as templates are kept under (<c>en</c>, <c>pt-BR</c>).</summary>
internal static class Languages
{
    /// <summary>The language every shipped template exists in.</summary>
    public const string English = "en";

    /// <summary>Whether <paramref name="tag"/> is a simple BCP 47 tag: a language, optionally a region (<see cref="LanguageTagRule"/>).</summary>
    public static bool IsValid(string? tag) => LanguageTagRule.IsValid(tag);

    /// <summary>
    /// <paramref name="tag"/> in the form templates are kept under (<c>de-at</c> → <c>de-AT</c>), or
    /// null when it is empty or not a simple language tag (another service's value is not trusted).
    /// </summary>
    public static string? Normalize(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
        {
            return null;
        }

        var parts = tag.Trim().Replace('_', '-').Split('-');
        var normalized = parts.Length switch
        {
            1 => parts[0].ToLowerInvariant(),
            2 => parts[0].ToLowerInvariant() + "-" + parts[1].ToUpperInvariant(),
            _ => null,
        };
        return IsValid(normalized) ? normalized : null;
    }

    /// <summary>
    /// The languages to look for a template in, best first: <paramref name="wanted"/>, its language
    /// without the region (<c>de-AT</c> → <c>de</c>), the same for <paramref name="fallback"/>, then English.
    /// </summary>
    public static IReadOnlyList<string> Candidates(string? wanted, string fallback)
    {
        var list = new List<string>(5);
        foreach (var tag in new[] { Normalize(wanted), Normalize(fallback) })
        {
            if (tag is null)
            {
                continue;
            }

            list.Add(tag);
            var dash = tag.IndexOf('-', StringComparison.Ordinal);
            if (dash > 0)
            {
                list.Add(tag[..dash]);
            }
        }

        list.Add(English);
        return [.. list.Distinct(StringComparer.Ordinal)];
    }
}
