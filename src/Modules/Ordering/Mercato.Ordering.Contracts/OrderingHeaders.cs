namespace Mercato.Ordering.Contracts;

/// <summary>Headers of Ordering's service-only endpoints.</summary>
public static class OrderingHeaders
{
    /// <summary>A guest's cart key hash (SHA-256 hex), so that neither the key nor its hash lands in a URL.</summary>
    public const string GuestKeyHash = "X-Guest-Key-Hash";
}
