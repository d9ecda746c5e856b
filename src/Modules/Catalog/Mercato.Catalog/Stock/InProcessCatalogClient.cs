using Mercato.Catalog.Contracts;
using Mercato.Catalog.Data;
using Mercato.Catalog.Products;
using Mercato.Messaging.Audit;

namespace Mercato.Catalog.Stock;

/// <summary>The Catalog as a co-hosted module calls it: straight to its database and stock engine.</summary>
internal sealed class InProcessCatalogClient(CatalogDbContext db, StockService stock) : ICatalogClient
{
    private const string Actor = "in-process";

    /// <inheritdoc />
    public async Task<IReadOnlyList<ProductSnapshot>> GetProductsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
        => await ProductSnapshots.LoadAsync(db, ids, cancellationToken);

    /// <inheritdoc />
    public async Task<ReserveStockResult> ReserveAsync(ReserveStockRequest request, CancellationToken cancellationToken)
    {
        using var service = ServiceCall.Begin(CatalogModule.Name);
        var outcome = await stock.ReserveAsync(request, Actor, cancellationToken);
        return outcome.Status switch
        {
            ReserveStatus.Reserved or ReserveStatus.Replayed => new ReserveStockResult(true, []),
            ReserveStatus.Insufficient => new ReserveStockResult(false, outcome.Shortages),
            _ => throw new InvalidOperationException($"Order {request.OrderId} already holds a reservation with other lines."),
        };
    }

    /// <inheritdoc />
    public async Task CommitAsync(Guid orderId, CancellationToken cancellationToken)
    {
        using var service = ServiceCall.Begin(CatalogModule.Name);
        Ensure(await stock.CommitAsync(orderId, Actor, cancellationToken), orderId, "committed");
    }

    /// <inheritdoc />
    public async Task ReleaseAsync(Guid orderId, CancellationToken cancellationToken)
    {
        using var service = ServiceCall.Begin(CatalogModule.Name);
        Ensure(await stock.ReleaseAsync(orderId, Actor, cancellationToken), orderId, "released");
    }

    /// <inheritdoc />
    public async Task<ReholdStockResult> ReholdAsync(Guid orderId, TimeSpan holdFor, CancellationToken cancellationToken)
    {
        using var service = ServiceCall.Begin(CatalogModule.Name);
        var outcome = await stock.ReholdAsync(orderId, holdFor, Actor, cancellationToken);
        return new ReholdStockResult(outcome.Status, outcome.Shortages);
    }

    private static void Ensure(TransitionOutcome outcome, Guid orderId, string verb)
    {
        switch (outcome.Status)
        {
            case TransitionStatus.NotFound:
                throw new KeyNotFoundException($"Order {orderId} holds no stock reservation.");
            case TransitionStatus.Conflict:
                throw new InvalidOperationException($"The stock reservation of order {orderId} cannot be {verb}: it is already {outcome.Lines[0].Status.ToString().ToLowerInvariant()}.");
        }
    }
}
