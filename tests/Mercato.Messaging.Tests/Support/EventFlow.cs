using System.Net;
using System.Text.Json;
using Mercato.Messaging.Events;
using Mercato.Probe.Contracts;
using Mercato.Testing;

namespace Mercato.Messaging.Tests.Support;

/// <summary>The Probe module's notes (which publish NoteCreated) and the Audit module's view of them.</summary>
public static class EventFlow
{
    /// <summary>How long an event may take to arrive on a loaded machine.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>The wire name of <see cref="NoteCreated"/>.</summary>
    public static readonly string NoteCreatedName = IntegrationEvent.NameOf(typeof(NoteCreated));

    /// <summary>Writes a note (optionally with a correlation id and W3C traceparent) and returns its id.</summary>
    public static async Task<Guid> CreateNoteAsync(this HttpClient producer, string text, string? correlationId = null, string? traceParent = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/probe/notes")
        {
            Content = JsonContent(new { text, priority = 2 }),
        };
        if (correlationId is not null)
        {
            request.Headers.Add("X-Correlation-Id", correlationId);
        }

        if (traceParent is not null)
        {
            request.Headers.Add("traceparent", traceParent);
        }

        using var response = await producer.SendAsync(request);
        var json = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST note answered {(int)response.StatusCode}: {json}");
        return json.GetProperty("data").GetProperty("id").GetGuid();
    }

    /// <summary>The audit entries recorded for a note.</summary>
    public static async Task<JsonElement[]> AuditEntriesAsync(this HttpClient consumer, Guid noteId)
    {
        using var response = await consumer.GetAsync(new Uri($"/api/v1/audit/entries?noteId={noteId}", UriKind.Relative));
        var json = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET audit entries answered {(int)response.StatusCode}: {json}");
        return [.. json.GetProperty("data").EnumerateArray()];
    }

    /// <summary>The entries the Tally module (a second consumer of NoteCreated) recorded for a note.</summary>
    public static async Task<JsonElement[]> TallyEntriesAsync(this HttpClient consumer, Guid noteId)
    {
        using var response = await consumer.GetAsync(new Uri($"/api/v1/tally/entries?noteId={noteId}", UriKind.Relative));
        var json = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET tally entries answered {(int)response.StatusCode}: {json}");
        return [.. json.GetProperty("data").EnumerateArray()];
    }

    /// <summary>Waits until the Tally module has recorded the note, and returns its single entry.</summary>
    public static async Task<JsonElement> WaitForTallyEntryAsync(this HttpClient consumer, Guid noteId)
    {
        var entries = await MercatoProcess.EventuallyAsync(() => consumer.TallyEntriesAsync(noteId), e => e.Length > 0, Patience);
        return Assert.Single(entries);
    }

    /// <summary>Waits until the consumer has recorded the note, and returns its single entry.</summary>
    public static async Task<JsonElement> WaitForAuditEntryAsync(this HttpClient consumer, Guid noteId)
    {
        var entries = await MercatoProcess.EventuallyAsync(() => consumer.AuditEntriesAsync(noteId), e => e.Length > 0, Patience);
        return Assert.Single(entries);
    }

    /// <summary>
    /// Waits until the consumer process has recorded the note and returns its single entry; on
    /// timeout the failure carries the end of the process's log.
    /// </summary>
    public static async Task<JsonElement> WaitForAuditEntryAsync(this MercatoProcess consumer, Guid noteId)
    {
        try
        {
            return await consumer.Client.WaitForAuditEntryAsync(noteId);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}\nLast lines of {consumer.Url}:\n{string.Join('\n', consumer.Output.TakeLast(40))}", ex);
        }
    }

    /// <summary>Waits until the process has logged a line containing every one of <paramref name="parts"/>.</summary>
    public static Task<bool> WaitForLogAsync(this MercatoProcess process, params string[] parts) =>
        MercatoProcess.EventuallyAsync(
            () => Task.FromResult(process.Output.Any(l => parts.All(p => l.Contains(p, StringComparison.Ordinal)))),
            logged => logged,
            Patience);

    /// <summary>The named check of <c>/health/ready</c>.</summary>
    public static async Task<JsonElement> ReadinessCheckAsync(this HttpClient client, string name)
    {
        using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        var json = await response.ReadJsonAsync();
        return json.GetProperty("data").GetProperty("checks").EnumerateArray()
            .Single(c => c.GetProperty("name").GetString() == name);
    }

    /// <summary>Waits until the named readiness check reports <paramref name="status"/>.</summary>
    public static Task<JsonElement> WaitForReadinessAsync(this HttpClient client, string name, string status) =>
        MercatoProcess.EventuallyAsync(() => client.ReadinessCheckAsync(name), c => c.GetProperty("status").GetString() == status, Patience);

    /// <summary>A W3C traceparent with a fresh trace id; returns the header and the trace id.</summary>
    public static (string TraceParent, string TraceId) NewTraceParent()
    {
        var traceId = Guid.NewGuid().ToString("N");
        return ($"00-{traceId}-{Guid.NewGuid().ToString("N")[..16]}-01", traceId);
    }

    private static StringContent JsonContent<T>(T body) =>
        new(JsonSerializer.Serialize(body, Envelope.Json), System.Text.Encoding.UTF8, "application/json");
}
