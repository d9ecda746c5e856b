using Mercato.Cart.CatalogEvents;
using Mercato.Cart.Carts;
using Mercato.Cart.Checkout;
using Mercato.Cart.Contracts;
using Mercato.Cart.Coupons;
using Mercato.Cart.Data;
using Mercato.Cart.OrderEvents;
using Mercato.Cart.Pricing;
using Mercato.Cart.Sweep;
using Mercato.Catalog.Client;
using Mercato.Catalog.Contracts;
using Mercato.Messaging;
using Mercato.Messaging.Operations;
using Mercato.Ordering.Contracts;
using Mercato.Platform.Hosting;
using Mercato.Platform.Persistence;
using Mercato.Platform.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Mercato.Cart;

/// <summary>The Cart module's two entry points.</summary>
public static class CartModule
{
    /// <summary>The module name.</summary>
    public const string Name = "cart";

    /// <summary>The module as the host sees it.</summary>
    public static MercatoModule Descriptor { get; } = new(Name, ["/api/v1/cart", "/api/v1/coupons", MessagingOperationsApi.RoutePrefix(Name)], b => b.AddCart(), e => e.MapCart());

    /// <summary>Registers the module.</summary>
    public static IHostApplicationBuilder AddCart(this IHostApplicationBuilder builder)
    {
        builder.AddModuleDbContext<CartDbContext, CartSqliteDbContext, CartPostgresDbContext>(Name);
        builder.AddMessaging<CartDbContext>(Name);
        builder.AddEventHandler<ProductUpdated, ProductUpdatedHandler, CartDbContext>(Name);
        builder.AddEventHandler<ProductDeleted, ProductDeletedHandler, CartDbContext>(Name);
        builder.AddEventHandler<OrderPlaced, OrderPlacedHandler, CartDbContext>(Name);
        builder.AddEventHandler<OrderCancelled, OrderCancelledHandler, CartDbContext>(Name);
        builder.AddValidatorsOf<CartDbContext>();
        // The in-process client when the Catalog is co-hosted (AddCatalog replaces this), HTTP otherwise:
        // the Cart reads product snapshots only.
        builder.AddCatalogClient(CatalogScopes.Read);
        builder.Services.AddValidatedOptions<CartOptions>(CartOptions.Section);
        builder.Services.AddScoped<CartStore>();
        builder.Services.AddScoped<CartQuoter>();
        builder.Services.AddScoped<CouponRedemptions>();
        builder.Services.AddScoped<CheckoutCarts>();
        // Co-hosted wins: replaces the HTTP client a consumer's AddCartClient may have registered, in either order.
        builder.Services.Replace(ServiceDescriptor.Scoped<ICartClient, InProcessCartClient>());
        builder.Services.AddSingleton<IdleCartSweep>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<IdleCartSweep>());
        builder.Services.AddSingleton<RedemptionHoldSweep>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RedemptionHoldSweep>());
        return builder;
    }

    /// <summary>Maps the module's endpoints.</summary>
    public static IEndpointRouteBuilder MapCart(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMessagingOperations(Name);
        // Carts are personal: no response is cached anywhere.
        var cart = endpoints.MapGroup(string.Empty).WithNoStore();
        cart.MapCartApi();
        cart.MapCartItemsApi();
        cart.MapCartMergeApi();
        cart.MapCartCouponApi();
        cart.MapCouponsAdminApi();
        cart.MapCheckoutApi();
        return endpoints;
    }
}
