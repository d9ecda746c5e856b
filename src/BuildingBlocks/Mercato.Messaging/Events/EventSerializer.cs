using System.Text.Json;

namespace Mercato.Messaging.Events;

/// <summary>The one JSON shape of events on every transport.</summary>
public static class EventSerializer
{
    /// <summary>camelCase web defaults.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>Serialises an event.</summary>
    public static string Serialize(IntegrationEvent integrationEvent) =>
        JsonSerializer.Serialize(integrationEvent, integrationEvent.GetType(), Options);

    /// <summary>Deserialises an event of a known type.</summary>
    public static IntegrationEvent Deserialize(string payload, Type eventType) =>
        (IntegrationEvent)(JsonSerializer.Deserialize(payload, eventType, Options)
            ?? throw new JsonException($"Event payload of {eventType.Name} is null."));
}
