using Mercato.Messaging.Events;

namespace Mercato.Architecture.Tests;

/// <summary>
/// Event names are contracts: every integration event of every Mercato assembly (product and
/// test-only modules, building blocks) has an explicit versioned wire name, and names are unique.
/// </summary>
public sealed class EventNameTests
{
    private static IReadOnlyList<Type> AllEvents => EventNameRules.EventsIn(
        ModuleCatalog.BuildingBlocks.Concat(ModuleCatalog.Projects.Select(p => p.ProjectName)).Distinct().Select(ModuleCatalog.Load));

    [Fact]
    public void Every_integration_event_has_a_unique_versioned_wire_name()
    {
        var events = AllEvents;

        // The scan sees the events of every module, so an unnamed one anywhere fails here.
        Assert.Contains(events, t => t.FullName == "Mercato.Ordering.Contracts.OrderPlaced");
        Assert.Contains(events, t => t.FullName == "Mercato.Probe.Contracts.NoteCreated");
        Assert.True(events.Count >= 14, $"Only {events.Count} events found");
        var violations = EventNameRules.Violations(events);
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
        Assert.Equal("ordering.order-placed.v1", IntegrationEvent.NameOf(events.Single(t => t.Name == "OrderPlaced")));
    }

    [Fact]
    public void The_rule_catches_missing_malformed_and_shared_names()
    {
        Assert.Empty(EventNameRules.Violations([typeof(Named)]));
        Assert.Contains("has no [EventName]", Assert.Single(EventNameRules.Violations([typeof(Unnamed)])), StringComparison.Ordinal);
        Assert.Contains("is not <module>", Assert.Single(EventNameRules.Violations([typeof(Malformed)])), StringComparison.Ordinal);
        Assert.Contains("'test.thing-happened.v1' names", Assert.Single(EventNameRules.Violations([typeof(Named), typeof(SameName)])), StringComparison.Ordinal);
    }

    [Fact]
    public void NameOf_uses_the_declared_name_and_refuses_an_event_without_one()
    {
        Assert.Equal("test.thing-happened.v1", IntegrationEvent.NameOf(typeof(Named)));
        var refused = Assert.Throws<InvalidOperationException>(() => IntegrationEvent.NameOf(typeof(Unnamed)));
        Assert.Contains(nameof(Unnamed), refused.Message, StringComparison.Ordinal);
    }

    [EventName("test.thing-happened.v1")]
    private sealed record Named : IntegrationEvent;

    [EventName("test.thing-happened.v1")]
    private sealed record SameName : IntegrationEvent;

    [EventName("Test.ThingHappened")]
    private sealed record Malformed : IntegrationEvent;

    private sealed record Unnamed : IntegrationEvent;
}
