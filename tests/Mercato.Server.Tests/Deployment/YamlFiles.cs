using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace Mercato.Server.Tests.Deployment;

/// <summary>Reads YAML files as plain objects (maps, lists, strings), merge keys resolved as Compose does.</summary>
internal static class YamlFiles
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder().Build();

    /// <summary>Every non-empty document of a file.</summary>
    public static IReadOnlyList<Dictionary<object, object?>> Documents(string path)
    {
        using var reader = new StringReader(File.ReadAllText(path));
        var parser = new MergingParser(new Parser(reader));
        parser.Consume<StreamStart>();
        var documents = new List<Dictionary<object, object?>>();
        while (parser.Accept<DocumentStart>(out _))
        {
            if (Deserializer.Deserialize<object?>(parser) is Dictionary<object, object?> document)
            {
                documents.Add(document);
            }
        }

        return documents;
    }

    /// <summary>A map's entry as a map, or empty when missing.</summary>
    public static Dictionary<object, object?> Map(this Dictionary<object, object?>? map, string key) =>
        map is not null && map.TryGetValue(key, out var value) && value is Dictionary<object, object?> child ? child : [];

    /// <summary>A map's entry as a list, or empty when missing.</summary>
    public static List<object?> List(this Dictionary<object, object?>? map, string key) =>
        map is not null && map.TryGetValue(key, out var value) && value is List<object?> list ? list : [];

    /// <summary>A map's entry as a string, or null when missing.</summary>
    public static string? Text(this Dictionary<object, object?>? map, string key) =>
        map is not null && map.TryGetValue(key, out var value) ? value as string : null;
}
