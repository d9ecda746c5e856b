using Mercato.Cart.Client;
using Mercato.Cart.Contracts;
using Mercato.Catalog.Client;
using Mercato.Identity.Client;
using Mercato.Identity.Contracts;
using Mercato.Catalog.Contracts;
using Mercato.Ordering.Checkout;
using Mercato.Messaging;
using Mercato.Messaging.Operations;
using Mercato.Ordering.Data;
using Mercato.Ordering.Expiry;
using Mercato.Ordering.Lifecycle;
using Mercato.Ordering.PaymentEvents;
using Mercato.Payments.Contracts;
using Mercato.Ordering.Orders;
using Mercato.Ordering.Payments;
using Mercato.Ordering.Revival;
using Mercato.Platform.Hosting;
using Mercato.Platform.Idempotency;
using Mercato.Platform.Persistence;
using Mercato.Platform.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Mercato.Ordering.Contracts;
using Microsoft.Extensions.Hosting;

namespace Mercato.Ordering;

/// <summary>The Ordering module's two entry points.</summary>
public static class OrderingModule
{
    /// <summary>The module name.</summary>
    public const string Name = "ordering";

    /// <summary>The module as the host sees it.</summary>
    public static MercatoModule Descriptor { get; } = new(Name, ["/api/v1/orders", MessagingOperationsApi.RoutePrefix(Name)], b => b.AddOrdering(), e => e.MapOrdering());

    /// <summary>Registers the module.</summary>
    public static IHostApplicationBuilder AddOrdering(this IHostApplicationBuilder builder)
    {
        builder.AddModuleDbContext<OrderingDbContext, OrderingSqliteDbContext, OrderingPostgresDbContext>(Name);
        builder.AddMessaging<OrderingDbContext>(Name);
        builder.AddIdempotency<OrderingDbContext>();
        builder.AddValidatorsOf<OrderingDbContext>();
        // The in-process clients when the neighbours are co-hosted (their Add<Module> replaces these),
        // HTTP otherwise, with the scopes Ordering's calls need: stock reservations (no product
        // snapshots: the cart comes priced), carts and coupons at checkout, a saved address.
        builder.AddCatalogClient(CatalogScopes.Stock);
        builder.AddCartClient(CartScopes.Checkout);
        builder.AddIdentityClient(IdentityScopes.Addresses);
        builder.Services.AddValidatedOptions<OrderingOptions>(OrderingOptions.Section);
        builder.Services.AddScoped<OrderPlacement>();
        builder.Services.AddScoped<OrderAccess>();
        builder.Services.AddScoped<OrderTransitions>();
        builder.Services.AddScoped<OrderReviver>();
        // Co-hosted neighbours (Payments) read orders in process; AddOrderingClient yields to this.
        builder.Services.Replace(ServiceDescriptor.Scoped<IOrderingClient, OrderBillings>());
        builder.Services.AddSingleton<UnpaidOrderExpiry>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<UnpaidOrderExpiry>());
        builder.AddEventHandler<PaymentSucceeded, PaymentSucceededHandler, OrderingDbContext>(Name);
        builder.AddEventHandler<PaymentFailed, PaymentFailedHandler, OrderingDbContext>(Name);
        builder.AddEventHandler<PaymentAuthorized, PaymentAuthorizedHandler, OrderingDbContext>(Name);
        builder.AddEventHandler<PaymentRefunded, PaymentRefundedHandler, OrderingDbContext>(Name);
        return builder;
    }

    /// <summary>Maps the module's endpoints.</summary>
    public static IEndpointRouteBuilder MapOrdering(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMessagingOperations(Name);
        // Orders and invoices are personal: no response is cached anywhere.
        var orders = endpoints.MapGroup(string.Empty).WithNoStore();
        orders.MapPlaceOrderApi();
        orders.MapOrdersApi();
        orders.MapOrderLifecycleApi();
        orders.MapServiceOrdersApi();
        Invoices.InvoiceApi.MapInvoiceApi(orders);
        return endpoints;
    }
}
