namespace Mercato.Platform.Http;

/// <summary>
/// The header a guest's cart key travels in, between a shopper and the Cart, from Ordering to the
/// Cart, and into the idempotency scope: never the URL, where logs and proxies would keep it. The
/// one definition every module uses.
/// </summary>
public static class CartKeyHeader
{
    /// <summary>The header name.</summary>
    public const string Name = "X-Cart-Key";
}
