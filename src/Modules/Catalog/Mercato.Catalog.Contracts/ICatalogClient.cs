namespace Mercato.Catalog.Contracts;

/// <summary>
/// The Catalog as other modules call it: in-process when co-hosted, over HTTP with a service
/// token otherwise.
/// </summary>
public interface ICatalogClient
{
    /// <summary>The products with these ids that exist (deleted ones are reported unavailable).</summary>
    Task<IReadOnlyList<ProductSnapshot>> GetProductsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);

    /// <summary>Holds stock for an order, all lines or none; idempotent per order id.</summary>
    Task<ReserveStockResult> ReserveAsync(ReserveStockRequest request, CancellationToken cancellationToken);

    /// <summary>Turns an order's reservation into a sale (when paid); idempotent.</summary>
    Task CommitAsync(Guid orderId, CancellationToken cancellationToken);

    /// <summary>Gives an order's reserved units back (cancelled or expired); idempotent.</summary>
    Task ReleaseAsync(Guid orderId, CancellationToken cancellationToken);
}
