namespace Mercato.Messaging.Tests.RabbitMq;

/// <summary>Configuration of a TestHost process on the RabbitMQ transport, with quick retries for tests.</summary>
public static class RabbitMqSettings
{
    /// <summary>Notes whose text contains this fail in the Audit handler on every delivery.</summary>
    public const string Poison = "poison";

    /// <summary>Deliveries of a message before it is dead-lettered.</summary>
    public const int MaxDeliveries = 4;

    /// <summary>
    /// Settings for a process that talks to <paramref name="broker"/> with its own exchange and
    /// queue prefix (<paramref name="name"/>), whose Audit handler fails twice per event.
    /// </summary>
    public static Dictionary<string, string?> For(string name, Uri broker) => new()
    {
        ["Messaging:Transport"] = "rabbitmq",
        ["Messaging:RabbitMq:Uri"] = broker.ToString(),
        ["Messaging:RabbitMq:Exchange"] = ExchangeOf(name),
        ["Messaging:RabbitMq:QueuePrefix"] = QueuePrefixOf(name),
        ["Messaging:RabbitMq:MaxDeliveries"] = MaxDeliveries.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Messaging:RabbitMq:RetryDelay"] = "00:00:00.100",
        ["Messaging:RabbitMq:RecoveryInterval"] = "00:00:01",
        ["Messaging:RabbitMq:ConfirmTimeout"] = "00:00:05",
        ["Messaging:Relay:BaseDelay"] = "00:00:00.100",
        ["Messaging:Relay:PollInterval"] = "00:00:00.250",
        ["Audit:FailFirstAttempts"] = "2",
        ["Audit:AlwaysFailMarker"] = Poison,
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Mercato"] = "Information",
    };

    /// <summary>The events exchange of a test.</summary>
    public static string ExchangeOf(string name) => name + ".events";

    /// <summary>The queue prefix of a test.</summary>
    public static string QueuePrefixOf(string name) => name + ".";
}
