using System.Text.Json;

namespace Mercato.Notifications.Api;

/// <summary>Turns a request's JSON template data into the plain values templates read.</summary>
internal static class JsonData
{
    /// <summary>The values of a JSON object, recursively (objects, arrays, strings, numbers, booleans, nulls).</summary>
    public static Dictionary<string, object?> ToModel(IReadOnlyDictionary<string, JsonElement>? data)
        => data is null ? [] : data.ToDictionary(p => p.Key, p => Value(p.Value), StringComparer.Ordinal);

    private static object? Value(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => Value(p.Value), StringComparer.Ordinal),
        JsonValueKind.Array => element.EnumerateArray().Select(Value).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetDecimal(out var number) ? number : element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
