using Mercato.Audit.Data;
using Mercato.Audit.Entries;
using Mercato.Messaging;
using Mercato.Messaging.Operations;
using Mercato.Platform.Hosting;
using Mercato.Platform.Persistence;
using Mercato.Probe.Contracts;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Mercato.Audit;

/// <summary>The Audit test module's two entry points.</summary>
public static class AuditModule
{
    /// <summary>The module name.</summary>
    public const string Name = "audit";

    /// <summary>The module as the host sees it.</summary>
    public static MercatoModule Descriptor { get; } = new(Name, ["/api/v1/audit", MessagingOperationsApi.RoutePrefix(Name)], b => b.AddAudit(), e => e.MapAudit());

    /// <summary>Registers the module.</summary>
    public static IHostApplicationBuilder AddAudit(this IHostApplicationBuilder builder)
    {
        builder.AddModuleDbContext<AuditDbContext, AuditSqliteDbContext, AuditPostgresDbContext>(Name);
        builder.AddEventHandler<NoteCreated, NoteCreatedHandler, AuditDbContext>(Name);
        builder.Services.AddSingleton<FailureInjector>();
        return builder;
    }

    /// <summary>Maps the module's endpoints.</summary>
    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapMessagingOperations(Name).MapAuditApi();
}
