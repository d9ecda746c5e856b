namespace Mercato.Catalog.Contracts;

/// <summary>
/// The Catalog as other modules call it: in-process when co-hosted, over HTTP with a service
/// token otherwise (<c>AddCatalogClient</c> in Mercato.Catalog.Client registers it). Both
/// behave the same; over HTTP any call may also throw <c>CatalogUnavailableException</c> (answered 503).
/// </summary>
public interface ICatalogClient
{
    /// <summary>
    /// The products with these ids that exist, each once in the order asked; unknown ids are left
    /// out, deleted products are reported unavailable with no stock.
    /// </summary>
    /// <remarks>Over HTTP: <c>CatalogUnavailableException</c> when the Catalog gave no usable answer.</remarks>
    Task<IReadOnlyList<ProductSnapshot>> GetProductsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);

    /// <summary>
    /// Holds stock for an order, all lines or none; idempotent per order id (a retry with the same
    /// lines answers reserved without holding anything twice). Too little stock is not an
    /// exception: the result is not reserved and names the short lines.
    /// </summary>
    /// <exception cref="ArgumentException">No lines, a quantity below 1 or a hold that is not positive (over HTTP also more than the service's limits of lines, units or hold).</exception>
    /// <exception cref="InvalidOperationException">The order already holds a reservation with other lines.</exception>
    /// <remarks>Over HTTP: <c>CatalogUnavailableException</c> when the Catalog gave no usable answer.</remarks>
    Task<ReserveStockResult> ReserveAsync(ReserveStockRequest request, CancellationToken cancellationToken);

    /// <summary>Turns an order's reservation into a sale (when paid); idempotent.</summary>
    /// <exception cref="KeyNotFoundException">The order holds no reservation.</exception>
    /// <exception cref="InvalidOperationException">The reservation was already released.</exception>
    /// <remarks>Over HTTP: <c>CatalogUnavailableException</c> when the Catalog gave no usable answer.</remarks>
    Task CommitAsync(Guid orderId, CancellationToken cancellationToken);

    /// <summary>Gives an order's reserved units back (cancelled or expired); idempotent.</summary>
    /// <exception cref="KeyNotFoundException">The order holds no reservation.</exception>
    /// <exception cref="InvalidOperationException">The reservation was already committed.</exception>
    /// <remarks>Over HTTP: <c>CatalogUnavailableException</c> when the Catalog gave no usable answer.</remarks>
    Task ReleaseAsync(Guid orderId, CancellationToken cancellationToken);

    /// <summary>
    /// Holds again, for <paramref name="holdFor"/>, the stock a cancelled order gave back (its
    /// payment arrived late and the order is revived): all lines or none, each by a conditional
    /// update that never holds more than is available. Idempotent: a retry answers
    /// <see cref="ReholdStatus.Held"/> without holding anything twice. Too little stock is not an exception.
    /// </summary>
    /// <exception cref="ArgumentException">A hold that is not positive (over HTTP also longer than the service's limit).</exception>
    /// <remarks>Over HTTP: <c>CatalogUnavailableException</c> when the Catalog gave no usable answer.</remarks>
    Task<ReholdStockResult> ReholdAsync(Guid orderId, TimeSpan holdFor, CancellationToken cancellationToken);
}
