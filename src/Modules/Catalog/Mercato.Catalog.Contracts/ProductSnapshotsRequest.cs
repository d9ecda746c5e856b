namespace Mercato.Catalog.Contracts;

/// <summary>Body of <c>POST /api/v1/catalog/products/snapshots</c> (service token with scope <c>catalog.read</c>).</summary>
/// <param name="Ids">Product ids, 1 to <see cref="MaxIds"/>.</param>
public sealed record ProductSnapshotsRequest(IReadOnlyList<Guid>? Ids)
{
    /// <summary>The most ids in one request.</summary>
    public const int MaxIds = 100;
}
