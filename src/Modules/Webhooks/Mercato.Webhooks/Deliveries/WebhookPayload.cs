using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mercato.Webhooks.Deliveries;

/// <summary>
/// The body of every delivery (seed 004): <c>{ id, event, type, version, createdAt, data }</c>.
/// <c>type</c> repeats <c>event</c> under seed 004's example name; <c>version</c> is the version of
/// <c>data</c>'s shape (1).
/// </summary>
/// <param name="Id">The event's id (<c>evt_...</c>), the same at every endpoint.</param>
/// <param name="Event">The event name.</param>
/// <param name="Type">The event name again (seed 004's example calls it <c>type</c>).</param>
/// <param name="Version">The version of <paramref name="Data"/>'s shape.</param>
/// <param name="CreatedAt">When it happened (UTC).</param>
/// <param name="Data">The event's data.</param>
internal sealed record WebhookPayload(string Id, string Event, string Type, int Version, DateTime CreatedAt, object Data)
{
    /// <summary>The current version of every event's data.</summary>
    public const int CurrentVersion = 1;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>A new event's id and the JSON text of its payload.</summary>
    public static (string Id, string Json) Create(string eventName, DateTime createdAt, object data)
    {
        var id = "evt_" + Guid.CreateVersion7().ToString("N");
        return (id, JsonSerializer.Serialize(new WebhookPayload(id, eventName, eventName, CurrentVersion, DateTime.SpecifyKind(createdAt, DateTimeKind.Utc), data), Json));
    }
}
