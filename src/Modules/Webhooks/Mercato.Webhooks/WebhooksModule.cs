using Mercato.Messaging;
using Mercato.Messaging.Operations;
using Mercato.Platform.Hosting;
using Mercato.Platform.Persistence;
using Mercato.Platform.Security;
using Mercato.Webhooks.Api;
using Mercato.Webhooks.Data;
using Mercato.Webhooks.Deliveries;
using Mercato.Webhooks.Events;
using Mercato.Webhooks.Sending;
using Mercato.Webhooks.Ssrf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Mercato.Webhooks;

/// <summary>The Webhooks module's two entry points.</summary>
public static class WebhooksModule
{
    /// <summary>The module name.</summary>
    public const string Name = "webhooks";

    /// <summary>The module as the host sees it.</summary>
    public static MercatoModule Descriptor { get; } = new(Name, ["/api/v1/webhooks", MessagingOperationsApi.RoutePrefix(Name)], b => b.AddWebhooks(), e => e.MapWebhooks());

    /// <summary>Registers the module.</summary>
    public static IHostApplicationBuilder AddWebhooks(this IHostApplicationBuilder builder)
    {
        builder.AddModuleDbContext<WebhooksDbContext, WebhooksSqliteDbContext, WebhooksPostgresDbContext>(Name);
        builder.AddMessaging<WebhooksDbContext>(Name);
        builder.AddValidatorsOf<WebhooksDbContext>();
        builder.Services.AddValidatedOptions<WebhooksOptions>(WebhooksOptions.Section);
        var services = builder.Services;
        services.TryAddSingleton<IHostResolver, DnsHostResolver>();
        services.AddSingleton<AllowList>();
        services.AddSingleton<AddressGuard>();
        services.AddSingleton<WebhookUrlRules>();
        services.AddSingleton<PinnedConnections>();
        services.AddScoped<DeliveryQueue>();
        services.AddSingleton<DeliverySender>();
        services.AddSingleton<DeliveryWorker>();
        services.AddHostedService(provider => provider.GetRequiredService<DeliveryWorker>());
        services.AddHostedService<DeliveryRetentionJob>();
        services.AddHttpClient(DeliverySender.ClientName)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan) // the sender's own timeout runs on the module's clock
            .ConfigurePrimaryHttpMessageHandler(provider => provider.GetRequiredService<PinnedConnections>().CreateHandler());
        builder.AddWebhookEventHandlers();
        return builder;
    }

    /// <summary>Maps the module's endpoints.</summary>
    public static IEndpointRouteBuilder MapWebhooks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMessagingOperations(Name);
        // Secrets and delivery logs are never cached anywhere.
        var webhooks = endpoints.MapGroup(string.Empty).WithNoStore();
        webhooks.MapWebhooksApi();
        webhooks.MapDeliveriesApi();
        return endpoints;
    }
}
