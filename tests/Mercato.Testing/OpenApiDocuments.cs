using System.Text.Json.Nodes;

namespace Mercato.Testing;

/// <summary>Comparing two OpenAPI documents (or sections of them) entry by entry.</summary>
public static class OpenApiDocuments
{
    /// <summary>
    /// Asserts that two JSON objects (a document's <c>paths</c>, or one kind of its
    /// <c>components</c>) have the same names, each with the same content (order aside).
    /// </summary>
    /// <param name="where">What is compared, for the failure message (e.g. <c>paths</c>).</param>
    /// <param name="expected">The reference.</param>
    /// <param name="actual">The one checked.</param>
    public static void AssertSameEntries(string where, JsonNode? expected, JsonNode? actual)
    {
        var want = expected!.AsObject();
        var got = actual!.AsObject();
        SameNames(where, want, got);
        foreach (var (name, value) in want)
        {
            if (!JsonNode.DeepEquals(value, got[name]))
            {
                throw new InvalidOperationException($"{where}.{name} differs:\n{value?.ToJsonString()}\n{got[name]?.ToJsonString()}");
            }
        }
    }

    /// <summary>Asserts that two documents have the same paths and the same components, entry by entry.</summary>
    /// <param name="expected">The reference document.</param>
    /// <param name="actual">The document checked.</param>
    public static void AssertSamePathsAndComponents(JsonObject expected, JsonObject actual)
    {
        AssertSameEntries("paths", expected["paths"], actual["paths"]);
        var kinds = expected["components"]!.AsObject();
        SameNames("components", kinds, actual["components"]!.AsObject());
        foreach (var (kind, entries) in kinds)
        {
            AssertSameEntries("components." + kind, entries, actual["components"]![kind]);
        }
    }

    private static void SameNames(string where, JsonObject expected, JsonObject actual)
    {
        var missing = expected.Select(e => e.Key).Except(actual.Select(e => e.Key), StringComparer.Ordinal).ToList();
        var extra = actual.Select(e => e.Key).Except(expected.Select(e => e.Key), StringComparer.Ordinal).ToList();
        if (missing.Count > 0 || extra.Count > 0)
        {
            throw new InvalidOperationException($"{where}: missing [{string.Join(", ", missing)}], unexpected [{string.Join(", ", extra)}]");
        }
    }
}
