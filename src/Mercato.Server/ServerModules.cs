using Mercato.Cart;
using Mercato.Catalog;
using Mercato.Identity;
using Mercato.Logs;
using Mercato.Logs.Client;
using Mercato.Notifications;
using Mercato.Ordering;
using Mercato.Payments;
using Mercato.Platform.Hosting;
using Mercato.Server.Gateway;
using Mercato.Support;
using Mercato.Web;
using Mercato.Webhooks;
using Microsoft.Extensions.Hosting;

namespace Mercato.Server;

/// <summary>Every module this executable can host. Each later issue adds its module here.</summary>
internal static class ServerModules
{
    /// <summary>The business modules, in start order.</summary>
    public static readonly IReadOnlyList<MercatoModule> Business = [IdentityModule.Descriptor, CatalogModule.Descriptor, CartModule.Descriptor, OrderingModule.Descriptor, PaymentsModule.Descriptor, NotificationsModule.Descriptor, WebhooksModule.Descriptor, SupportModule.Descriptor, LogsModule.Descriptor, WebModule.Descriptor];

    /// <summary>The business modules plus the gateway.</summary>
    public static readonly IReadOnlyList<MercatoModule> All = [.. Business, GatewayModule.Create(Business)];

    /// <summary>What every process has, whichever modules it hosts: its logs shipped to the Logs module.</summary>
    public static void EveryProcess(IHostApplicationBuilder builder, HostedModules modules) => builder.AddLogShipping(modules);
}
