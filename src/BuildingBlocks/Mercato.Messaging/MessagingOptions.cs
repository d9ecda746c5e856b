using Mercato.Platform.Hosting;

namespace Mercato.Messaging;

/// <summary>Messaging settings (<c>Messaging</c> section), validated at start.</summary>
public sealed class MessagingOptions : IValidatedOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Messaging";

    /// <summary><c>inprocess</c> (default) or <c>rabbitmq</c>.</summary>
    public string Transport { get; set; } = MessagingTransports.InProcess;

    /// <summary>Outbox relay settings.</summary>
    public RelayOptions Relay { get; set; } = new();

    /// <summary>RabbitMQ settings, used when <see cref="Transport"/> is <c>rabbitmq</c>.</summary>
    public RabbitMqOptions RabbitMq { get; set; } = new();

    /// <summary><see cref="Transport"/> trimmed and in lower case, as <see cref="MessagingTransports"/> names it.</summary>
    public string TransportName => Transport.Trim().ToLowerInvariant();

    /// <inheritdoc />
    public IEnumerable<string> Problems()
    {
        var transport = TransportName switch
        {
            MessagingTransports.InProcess or MessagingTransports.RabbitMq => null,
            _ => $"Messaging:Transport '{Transport}' is not supported; use '{MessagingTransports.InProcess}' or '{MessagingTransports.RabbitMq}'",
        };
        var rabbitMq = TransportName == MessagingTransports.RabbitMq ? RabbitMq.Problems() : [];
        return [.. SettingRules.Failed(transport), .. Relay.Problems(), .. rabbitMq];
    }
}

/// <summary>The transport names.</summary>
public static class MessagingTransports
{
    /// <summary>Handlers in this process, called by the relay.</summary>
    public const string InProcess = "inprocess";

    /// <summary>RabbitMQ.</summary>
    public const string RabbitMq = "rabbitmq";
}

/// <summary>How the outbox relay publishes.</summary>
public sealed class RelayOptions
{
    /// <summary>Whether the relay runs in this process.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often to look for work when nothing signals it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Rows taken per round.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>Delay after the first failure; doubled each time, up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest delay between attempts.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Failed attempts after which a row is parked (kept, counted, no longer tried).</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>How long published rows are kept before cleanup.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>What is wrong with the relay's settings (<c>Messaging:Relay</c>).</summary>
    public IEnumerable<string> Problems() => SettingRules.Failed(
        SettingRules.Positive(PollInterval, "Messaging:Relay:PollInterval"),
        SettingRules.AtLeast(BatchSize, 1, "Messaging:Relay:BatchSize"),
        SettingRules.Positive(BaseDelay, "Messaging:Relay:BaseDelay"),
        MaxDelay >= BaseDelay ? null : "Messaging:Relay:MaxDelay must be at least Messaging:Relay:BaseDelay",
        SettingRules.AtLeast(MaxAttempts, 1, "Messaging:Relay:MaxAttempts"),
        SettingRules.Positive(Retention, "Messaging:Relay:Retention"));

    /// <summary>Delay after the n-th failure: base × 2^(n−1), capped at <see cref="MaxDelay"/>.</summary>
    public TimeSpan DelayAfter(int attempts)
    {
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        var delay = TimeSpan.FromMilliseconds(BaseDelay.TotalMilliseconds * factor);
        return delay > MaxDelay ? MaxDelay : delay;
    }
}

/// <summary>RabbitMQ connection and topology (<c>Messaging:RabbitMq</c>).</summary>
public sealed class RabbitMqOptions
{
    /// <summary>AMQP URI, e.g. <c>amqp://guest:guest@127.0.0.1:5672/</c>.</summary>
    public string Uri { get; set; } = "amqp://guest:guest@127.0.0.1:5672/";

    /// <summary>The durable topic exchange every event is published to (routing key = event name).</summary>
    public string Exchange { get; set; } = "mercato.events";

    /// <summary>Prefix of queue names: each consuming module reads <c>{QueuePrefix}{module}</c>.</summary>
    public string QueuePrefix { get; set; } = "mercato.";

    /// <summary>
    /// Deliveries of one message (the first one included) before it is dead-lettered to
    /// <c>{queue}.dlq</c>. It is an argument of the queue, which RabbitMQ refuses to redeclare
    /// with another value: changing it for an existing queue means deleting the queue first.
    /// </summary>
    public int MaxDeliveries { get; set; } = 5;

    /// <summary>Pause before a failed message is returned to its queue, so a failing handler does not spin.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Unacknowledged messages a consumer holds at once.</summary>
    public ushort Prefetch { get; set; } = 16;

    /// <summary>How long a publish waits for the broker's confirm before it counts as failed.</summary>
    public TimeSpan ConfirmTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long opening a connection may take.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Pause between attempts to reconnect after the connection was lost (or could not be opened).</summary>
    public TimeSpan RecoveryInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>What is wrong with the RabbitMQ settings (<c>Messaging:RabbitMq</c>).</summary>
    public IEnumerable<string> Problems() => SettingRules.Failed(
        System.Uri.TryCreate(Uri, UriKind.Absolute, out var uri) && uri.Scheme is "amqp" or "amqps"
            ? null
            : "Messaging:RabbitMq:Uri must be an amqp:// or amqps:// URI",
        string.IsNullOrWhiteSpace(Exchange) ? "Messaging:RabbitMq:Exchange must be set" : null,
        string.IsNullOrWhiteSpace(QueuePrefix) ? "Messaging:RabbitMq:QueuePrefix must be set" : null,
        SettingRules.AtLeast(MaxDeliveries, 1, "Messaging:RabbitMq:MaxDeliveries"),
        SettingRules.NotNegative(RetryDelay, "Messaging:RabbitMq:RetryDelay"),
        SettingRules.AtLeast(Prefetch, 1, "Messaging:RabbitMq:Prefetch"),
        SettingRules.Positive(ConfirmTimeout, "Messaging:RabbitMq:ConfirmTimeout"),
        SettingRules.Positive(ConnectTimeout, "Messaging:RabbitMq:ConnectTimeout"),
        SettingRules.Positive(RecoveryInterval, "Messaging:RabbitMq:RecoveryInterval"));

    /// <summary>The exchange that failed messages are dead-lettered to.</summary>
    public string DeadLetterExchange => Exchange + ".dlx";

    /// <summary>The queue of a consuming module.</summary>
    public string QueueFor(string module) => QueuePrefix + module;

    /// <summary>The dead-letter queue of a consuming module's queue.</summary>
    public static string DeadLetterQueueOf(string queue) => queue + ".dlq";
}
