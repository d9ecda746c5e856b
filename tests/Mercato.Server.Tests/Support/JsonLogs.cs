using System.Text.Json;

namespace Mercato.Server.Tests.Support;

/// <summary>Reads a process's JSON console log lines.</summary>
public static class JsonLogs
{
    /// <summary>The lines that are JSON log entries, parsed.</summary>
    public static IReadOnlyList<JsonElement> Entries(IEnumerable<string> output)
    {
        var entries = new List<JsonElement>();
        foreach (var line in output.ToArray())
        {
            if (!line.StartsWith('{'))
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(line);
                entries.Add(document.RootElement.Clone());
            }
            catch (JsonException)
            {
                // Not a log entry (a partial line or plain text); ignore it.
            }
        }

        return entries;
    }

    /// <summary>The entries with the given event id from the given category.</summary>
    public static IReadOnlyList<JsonElement> WithEvent(IEnumerable<string> output, string category, int eventId) =>
        Entries(output)
            .Where(e => e.TryGetProperty("Category", out var c) && c.GetString() == category
                && e.TryGetProperty("EventId", out var id) && id.GetInt32() == eventId)
            .ToList();

    /// <summary>A string property of an entry's structured state.</summary>
    public static string? State(this JsonElement entry, string name) =>
        entry.GetProperty("State").TryGetProperty(name, out var value) ? value.ToString() : null;
}
