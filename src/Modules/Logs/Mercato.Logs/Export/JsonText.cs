using System.Text.Json;

namespace Mercato.Logs.Export;

/// <summary>Stored JSON text returned as JSON (not as a string holding JSON).</summary>
internal static class JsonText
{
    /// <summary>The JSON value of <paramref name="text"/>, or null.</summary>
    public static JsonElement? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>A stored UTC time as the API writes it.</summary>
    public static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
