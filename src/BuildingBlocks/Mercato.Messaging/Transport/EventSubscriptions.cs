namespace Mercato.Messaging.Transport;

/// <summary>Every handler registered in this process, by event name and by module.</summary>
public sealed class EventSubscriptions(IEnumerable<EventSubscription> subscriptions)
{
    private readonly IReadOnlyList<EventSubscription> _all = subscriptions.ToList();

    /// <summary>All subscriptions.</summary>
    public IReadOnlyList<EventSubscription> All => _all;

    /// <summary>The handlers of one event.</summary>
    public IEnumerable<EventSubscription> For(string eventName) =>
        _all.Where(s => string.Equals(s.EventName, eventName, StringComparison.Ordinal));

    /// <summary>The consuming modules (one queue each on a broker).</summary>
    public IEnumerable<IGrouping<string, EventSubscription>> ByModule() => _all.GroupBy(s => s.Module);
}
