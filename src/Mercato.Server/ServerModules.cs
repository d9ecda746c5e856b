using Mercato.Cart;
using Mercato.Catalog;
using Mercato.Identity;
using Mercato.Notifications;
using Mercato.Ordering;
using Mercato.Payments;
using Mercato.Platform.Hosting;
using Mercato.Server.Gateway;
using Mercato.Support;
using Mercato.Webhooks;

namespace Mercato.Server;

/// <summary>Every module this executable can host. Each later issue adds its module here.</summary>
internal static class ServerModules
{
    /// <summary>The business modules, in start order.</summary>
    public static readonly IReadOnlyList<MercatoModule> Business = [IdentityModule.Descriptor, CatalogModule.Descriptor, CartModule.Descriptor, OrderingModule.Descriptor, PaymentsModule.Descriptor, NotificationsModule.Descriptor, WebhooksModule.Descriptor, SupportModule.Descriptor];

    /// <summary>The business modules plus the gateway.</summary>
    public static readonly IReadOnlyList<MercatoModule> All = [.. Business, GatewayModule.Create(Business)];
}
