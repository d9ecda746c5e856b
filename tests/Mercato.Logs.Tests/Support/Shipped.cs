using Mercato.Logs.Contracts;

namespace Mercato.Logs.Tests.Support;

/// <summary>Log records as a process ships them.</summary>
public static class Shipped
{
    /// <summary>A record of <paramref name="service"/> at <paramref name="level"/>.</summary>
    public static ShippedLog Record(string service, string level, string message, DateTimeOffset at, string? correlationId = null, string? traceId = null) => new()
    {
        Id = Guid.CreateVersion7(),
        Timestamp = at,
        Service = service,
        Level = level,
        Category = "Mercato.Tests.Shipper",
        EventId = 7,
        EventName = "TestEvent",
        Message = message,
        Template = "{Text}",
        CorrelationId = correlationId,
        TraceId = traceId,
        SpanId = "00f067aa0ba902b7",
        Properties = new Dictionary<string, string?> { ["Text"] = message },
    };
}
