namespace Mercato.Ordering.Tests.Support;

/// <summary>A host of its own for a test that moves the clock (shared hosts keep it near real time for the tokens).</summary>
public sealed class ClockOrderingFactory(bool postgres) : OrderingFactory(postgres);
