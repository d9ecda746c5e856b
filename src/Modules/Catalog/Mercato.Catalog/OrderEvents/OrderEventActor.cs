namespace Mercato.Catalog.OrderEvents;

/// <summary>Who the stock ledger names for movements made on Ordering's events.</summary>
internal static class OrderEventActor
{
    /// <summary>The ledger's actor for order events.</summary>
    public const string Name = "ordering";
}
