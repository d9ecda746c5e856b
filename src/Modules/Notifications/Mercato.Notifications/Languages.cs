using System.Text.RegularExpressions;

namespace Mercato.Notifications;

/// <summary>Language tags as templates are kept under (<c>en</c>, <c>pt-BR</c>).</summary>
internal static partial class Languages
{
    /// <summary>Whether <paramref name="tag"/> is a simple BCP 47 tag: a language, optionally a region.</summary>
    public static bool IsValid(string? tag) => tag is not null && Tag().IsMatch(tag);

    [GeneratedRegex("^[a-z]{2,3}(-[A-Z]{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();
}
