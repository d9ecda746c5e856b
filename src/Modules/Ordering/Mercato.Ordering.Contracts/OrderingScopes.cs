namespace Mercato.Ordering.Contracts;

/// <summary>Scopes of Ordering's service-only endpoints.</summary>
public static class OrderingScopes
{
    /// <summary>Read any order by id (seed 000's service read).</summary>
    public const string Read = "ordering.read";

    /// <summary>Mark an order paid with its payment intent (seed 000's service update).</summary>
    public const string Payments = "ordering.payments";
}
