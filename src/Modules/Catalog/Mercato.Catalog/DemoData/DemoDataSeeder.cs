using Mercato.Catalog.Contracts;
using Mercato.Catalog.Data;
using Mercato.Catalog.Products;
using Mercato.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mercato.Catalog.DemoData;

/// <summary>
/// Fills an empty catalog (no products at all, deleted ones included) with the
/// <see cref="DemoCatalog"/> on start, after the migrations (it runs in
/// <see cref="IHostedLifecycleService.StartingAsync"/>, registered after the platform's migration
/// service), with a <see cref="ProductCreated"/> event per product in the outbox, written in the
/// same transaction as the products. Off with <c>Catalog:DemoData:Enabled=false</c>. When two processes start on one
/// empty database at once, the unique slugs let one shop in and the other start without one.
/// </summary>
internal sealed partial class DemoDataSeeder(
    IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider time, ILogger<DemoDataSeeder> logger)
    : IHostedLifecycleService
{
    /// <summary>The setting that turns demo data on or off (on when absent).</summary>
    public const string EnabledSetting = "Catalog:DemoData:Enabled";

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue(EnabledSetting, true))
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
        if (await db.Products.AnyAsync(cancellationToken))
        {
            return;
        }

        var shop = DemoCatalog.Create(time.GetUtcNow().UtcDateTime);
        db.Categories.AddRange(shop.Categories);
        db.Products.AddRange(shop.Products);
        db.StockLedger.AddRange(shop.Ledger);
        foreach (var product in shop.Products)
        {
            // As an administrator's create does: neighbours (search, carts, webhooks) hear of every product.
            db.AddIntegrationEvent(ProductEventsOf.Created(product), CatalogModule.Name);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            LogSeeded(logger, shop.Products.Count, shop.Categories.Count);
        }
        catch (DbUpdateException)
        {
            if (!await AnotherProcessSeededAsync(scopes, cancellationToken))
            {
                throw;
            }

            LogSeededElsewhere(logger);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task<bool> AnotherProcessSeededAsync(IServiceScopeFactory scopes, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CatalogDbContext>().Products.AnyAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo catalog created: {Products} products in {Categories} categories")]
    private static partial void LogSeeded(ILogger logger, int products, int categories);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo catalog was created by another process starting at the same time")]
    private static partial void LogSeededElsewhere(ILogger logger);
}
