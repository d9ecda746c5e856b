using Mercato.Identity.Contracts;
using Mercato.Messaging;
using Mercato.Messaging.Operations;
using Mercato.Ordering.Client;
using Mercato.Ordering.Contracts;
using Mercato.Platform.Hosting;
using Mercato.Platform.Persistence;
using Mercato.Platform.Security;
using Mercato.Support.Conversations;
using Mercato.Support.Data;
using Mercato.Support.Staff;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Mercato.Support;

/// <summary>The Support module's two entry points.</summary>
public static class SupportModule
{
    /// <summary>The module name.</summary>
    public const string Name = "support";

    /// <summary>The module as the host sees it.</summary>
    public static MercatoModule Descriptor { get; } = new(Name, ["/api/v1/support", MessagingOperationsApi.RoutePrefix(Name)], b => b.AddSupport(), e => e.MapSupport());

    /// <summary>Registers the module.</summary>
    public static IHostApplicationBuilder AddSupport(this IHostApplicationBuilder builder)
    {
        builder.AddModuleDbContext<SupportDbContext, SupportSqliteDbContext, SupportPostgresDbContext>(Name);
        builder.AddMessaging<SupportDbContext>(Name);
        builder.AddValidatorsOf<SupportDbContext>();
        // The in-process client when Ordering is co-hosted (AddOrdering replaces this), HTTP otherwise:
        // a conversation about an order must be about one of the customer's own.
        builder.AddOrderingClient(OrderingScopes.Read);
        builder.Services.AddScoped<SupportDesk>();
        builder.Services.AddScoped<StaffDirectory>();
        builder.AddEventHandler<UserRolesChanged, UserRolesChangedHandler, SupportDbContext>(Name);
        return builder;
    }

    /// <summary>Maps the module's endpoints.</summary>
    public static IEndpointRouteBuilder MapSupport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMessagingOperations(Name);
        // Conversations are personal: no response is cached anywhere.
        endpoints.MapGroup(string.Empty).WithNoStore().MapConversationsApi();
        return endpoints;
    }
}
