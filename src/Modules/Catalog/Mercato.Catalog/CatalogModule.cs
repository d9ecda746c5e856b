using Mercato.Catalog.Caching;
using Mercato.Catalog.Categories;
using Mercato.Catalog.Contracts;
using Mercato.Catalog.Data;
using Mercato.Catalog.DemoData;
using Mercato.Catalog.Media;
using Mercato.Catalog.OrderEvents;
using Mercato.Catalog.Products;
using Mercato.Catalog.Reviews;
using Mercato.Catalog.Search;
using Mercato.Catalog.Stock;
using Mercato.Catalog.Transfer;
using Mercato.Messaging;
using Mercato.Messaging.Operations;
using Mercato.Ordering.Contracts;
using Mercato.Platform.Hosting;
using Mercato.Platform.Idempotency;
using Mercato.Platform.Persistence;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Mercato.Catalog;

/// <summary>The Catalog module's two entry points.</summary>
public static class CatalogModule
{
    /// <summary>The module name.</summary>
    public const string Name = "catalog";

    /// <summary>The module as the host sees it.</summary>
    public static MercatoModule Descriptor { get; } = new(
        Name, ["/api/v1/products", "/api/v1/categories", "/api/v1/catalog", MessagingOperationsApi.RoutePrefix(Name)], b => b.AddCatalog(), e => e.MapCatalog());

    /// <summary>Registers the module.</summary>
    public static IHostApplicationBuilder AddCatalog(this IHostApplicationBuilder builder)
    {
        builder.AddModuleDbContext<CatalogDbContext, CatalogSqliteDbContext, CatalogPostgresDbContext>(Name);
        builder.AddMessaging<CatalogDbContext>(Name);
        builder.AddEventHandler<OrderPaid, OrderPaidHandler, CatalogDbContext>(Name);
        builder.AddEventHandler<OrderCancelled, OrderCancelledHandler, CatalogDbContext>(Name);
        builder.AddEventHandler<OrderDelivered, OrderDeliveredHandler, CatalogDbContext>(Name);
        builder.AddIdempotency<CatalogDbContext>();
        builder.AddValidatorsOf<CatalogDbContext>();
        builder.Services.AddValidatedOptions<StockOptions>(StockOptions.Section);
        builder.Services.AddScoped<StockService>();
        builder.Services.AddValidatedOptions<CatalogCacheOptions>(CatalogCacheOptions.Section);
        builder.Services.AddSingleton<CatalogReadCache>();
        builder.Services.AddSingleton<CacheEvictionInterceptor>();
        // On the provider's own context type: its options are built from its own configurations only.
        builder.Services.ConfigureDbContext<CatalogSqliteDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<CacheEvictionInterceptor>()), ServiceLifetime.Singleton);
        builder.Services.ConfigureDbContext<CatalogPostgresDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<CacheEvictionInterceptor>()), ServiceLifetime.Singleton);
        // Replace, not add: a consumer module's AddCatalogClient may have registered the HTTP
        // client already; a co-hosted Catalog is always called in-process, whatever the order.
        builder.Services.Replace(ServiceDescriptor.Scoped<ICatalogClient, InProcessCatalogClient>());
        builder.Services.AddHostedService<ReservationExpirySweep>();
        builder.Services.AddHostedService<DemoDataSeeder>();
        builder.AddProductSearch();
        return builder;
    }

    /// <summary>Maps the module's endpoints.</summary>
    public static IEndpointRouteBuilder MapCatalog(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMessagingOperations(Name);
        endpoints.MapCategoriesApi();
        endpoints.MapProductsAdminApi();
        endpoints.MapProductDetailsApi();
        endpoints.MapProductListApi();
        endpoints.MapProductSnapshotsApi();
        endpoints.MapReservationsApi();
        endpoints.MapProductStockApi();
        endpoints.MapProductCsvApi();
        endpoints.MapReviewsApi();
        endpoints.MapSearchApi();
        endpoints.MapSearchRebuildApi();
        endpoints.MapMediaApi();
        return endpoints;
    }
}
