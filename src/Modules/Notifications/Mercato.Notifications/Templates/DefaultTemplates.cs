using System.Collections.Frozen;

namespace Mercato.Notifications.Templates;

/// <summary>The templates shipped inside the assembly (<c>Templates/Defaults/{key}.{language}.{part}.liquid</c>).</summary>
internal static class DefaultTemplates
{
    private const string Prefix = "templates/";

    private static readonly FrozenDictionary<string, TemplateSource> Sources = Load();

    /// <summary>The shipped template <paramref name="key"/> in <paramref name="language"/>, or null when none is shipped.</summary>
    public static TemplateSource? Find(string key, string language) => Sources.GetValueOrDefault(key + "." + language);

    /// <summary>The languages <paramref name="key"/> is shipped in.</summary>
    public static IReadOnlyList<string> LanguagesOf(string key)
        => [.. Sources.Values.Where(s => s.Key == key).Select(s => s.Language).Order(StringComparer.Ordinal)];

    private static FrozenDictionary<string, TemplateSource> Load()
    {
        var assembly = typeof(DefaultTemplates).Assembly;
        var parts = new Dictionary<(string Key, string Language), Dictionary<string, string>>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            // templates/order-shipped.en.subject.liquid
            var pieces = name[Prefix.Length..].Split('.');
            if (pieces is not [var key, var language, var part, "liquid"])
            {
                throw new InvalidOperationException($"Unexpected template resource name '{name}'.");
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            var slot = parts.TryGetValue((key, language), out var found) ? found : parts[(key, language)] = new(StringComparer.Ordinal);
            slot[part] = reader.ReadToEnd();
        }

        return parts.ToFrozenDictionary(
            p => p.Key.Key + "." + p.Key.Language,
            p => new TemplateSource(p.Key.Key, p.Key.Language, p.Value["subject"].Trim(), p.Value["text"], p.Value["html"], IsDefault: true),
            StringComparer.Ordinal);
    }
}
