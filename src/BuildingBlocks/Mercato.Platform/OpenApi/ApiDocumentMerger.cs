using System.Text.Json.Nodes;

namespace Mercato.Platform.OpenApi;

/// <summary>
/// Merges the OpenAPI documents of several services (each one's <c>/openapi/{module}.json</c>) into
/// one document like the <c>/openapi/v1.json</c> a process hosting all of them generates: the paths,
/// every component and the tags of all of them, under the title of the combined document. The
/// documents share the platform's components (envelope, error response, security schemes,
/// headers); a name that two documents define differently keeps the first definition and is
/// reported in <see cref="Result.Conflicts"/>.
/// </summary>
public static class ApiDocumentMerger
{
    /// <summary>What a merge produced.</summary>
    /// <param name="Document">The merged document.</param>
    /// <param name="Conflicts">Paths, operations or components that two documents define differently (the first one kept).</param>
    public sealed record Result(JsonObject Document, IReadOnlyList<string> Conflicts);

    /// <summary>Merges <paramref name="documents"/> (at least one) in their order.</summary>
    /// <param name="documents">The services' documents; they are not modified.</param>
    /// <param name="scope">What the merged document covers, the first line of its description (e.g. "Every service routed by this gateway.").</param>
    public static Result Merge(IReadOnlyList<JsonObject> documents, string scope)
    {
        ArgumentOutOfRangeException.ThrowIfZero(documents.Count);
        var conflicts = new List<string>();
        var merged = (JsonObject)documents[0].DeepClone();
        merged["info"] = new JsonObject
        {
            ["title"] = MercatoDocumentTransformer.AllTitle,
            ["description"] = scope + "\n\n" + MercatoDocumentTransformer.Conventions,
            ["version"] = OpenApiSetup.AllDocument,
        };

        foreach (var document in documents.Skip(1))
        {
            MergePaths(Section(merged, "paths"), document["paths"] as JsonObject, conflicts);
            if (document["components"] is JsonObject components)
            {
                var into = Section(merged, "components");
                foreach (var (kind, entries) in components)
                {
                    MergeNamed(Section(into, kind), entries as JsonObject, $"components.{kind}", conflicts);
                }
            }

            MergeList(merged, document, "tags", t => t?["name"]?.GetValue<string>());
            MergeList(merged, document, "security", t => t?.ToJsonString());
        }

        return new Result(merged, conflicts);
    }

    private static void MergePaths(JsonObject into, JsonObject? paths, List<string> conflicts)
    {
        foreach (var (path, item) in paths ?? [])
        {
            if (into[path] is JsonObject existing && item is JsonObject operations)
            {
                // Two services own operations under one path (different methods): one path item.
                MergeNamed(existing, operations, path, conflicts);
            }
            else if (!into.ContainsKey(path))
            {
                into[path] = item?.DeepClone();
            }
        }
    }

    private static void MergeNamed(JsonObject into, JsonObject? entries, string where, List<string> conflicts)
    {
        foreach (var (name, value) in entries ?? [])
        {
            if (!into.TryGetPropertyValue(name, out var existing))
            {
                into[name] = value?.DeepClone();
            }
            else if (!JsonNode.DeepEquals(existing, value))
            {
                conflicts.Add($"{where}.{name}");
            }
        }
    }

    private static void MergeList(JsonObject merged, JsonObject document, string name, Func<JsonNode?, string?> key)
    {
        if (document[name] is not JsonArray items || items.Count == 0)
        {
            return;
        }

        if (merged[name] is not JsonArray into)
        {
            into = [];
            merged[name] = into;
        }

        var known = into.Select(key).ToHashSet(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (known.Add(key(item) ?? string.Empty))
            {
                into.Add(item?.DeepClone());
            }
        }
    }

    private static JsonObject Section(JsonObject parent, string name)
    {
        if (parent[name] is JsonObject section)
        {
            return section;
        }

        section = [];
        parent[name] = section;
        return section;
    }
}
