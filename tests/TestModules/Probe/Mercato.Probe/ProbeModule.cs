using Mercato.Messaging;
using Mercato.Messaging.Operations;
using Mercato.Platform.Hosting;
using Mercato.Platform.Idempotency;
using Mercato.Platform.Persistence;
using Mercato.Probe.Data;
using Mercato.Probe.Diagnostics;
using Mercato.Probe.Notes;
using Mercato.Probe.Orders;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Mercato.Probe;

/// <summary>The Probe test module's two entry points.</summary>
public static class ProbeModule
{
    /// <summary>The module name.</summary>
    public const string Name = "probe";

    /// <summary>The module as the host sees it.</summary>
    public static MercatoModule Descriptor { get; } = new(Name, ["/api/v1/probe", MessagingOperationsApi.RoutePrefix(Name)], b => b.AddProbe(), e => e.MapProbe());

    /// <summary>Registers the module.</summary>
    public static IHostApplicationBuilder AddProbe(this IHostApplicationBuilder builder)
    {
        builder.AddModuleDbContext<ProbeDbContext, ProbeSqliteDbContext, ProbePostgresDbContext>(Name);
        builder.AddMessaging<ProbeDbContext>(Name);
        builder.AddIdempotency<ProbeDbContext>();
        builder.AddValidatorsOf<CreateNoteRequest>();
        builder.Services.AddHttpClient(DiagnosticsApi.DownstreamClient);
        return builder;
    }

    /// <summary>Maps the module's endpoints.</summary>
    public static IEndpointRouteBuilder MapProbe(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMessagingOperations(Name);
        endpoints.MapNotesApi();
        endpoints.MapOrdersApi();
        endpoints.MapDiagnosticsApi();
        return endpoints;
    }
}
