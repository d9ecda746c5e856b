using Mercato.Logs.Audit;
using Mercato.Logs.Contracts;
using Mercato.Logs.Correlations;
using Mercato.Logs.Data;
using Mercato.Logs.Entries;
using Mercato.Logs.Retention;
using Mercato.Messaging;
using Mercato.Messaging.Operations;
using Mercato.Messaging.Audit;
using Mercato.Platform.Hosting;
using Mercato.Platform.Persistence;
using Mercato.Platform.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Mercato.Logs;

/// <summary>The Logs module's two entry points.</summary>
public static class LogsModule
{
    /// <summary>The module name.</summary>
    public const string Name = Client.LogsClientSetup.LogsModuleName;

    /// <summary>The module as the host sees it.</summary>
    public static MercatoModule Descriptor { get; } = new(Name, ["/api/v1/logs", "/api/v1/audit", MessagingOperationsApi.RoutePrefix(Name)], b => b.AddLogs(), e => e.MapLogs());

    /// <summary>Registers the module.</summary>
    public static IHostApplicationBuilder AddLogs(this IHostApplicationBuilder builder)
    {
        builder.AddModuleDbContext<LogsDbContext, LogsSqliteDbContext, LogsPostgresDbContext>(Name);
        // The audit trail's own rows are not audited (that would audit itself).
        builder.AddMessaging<LogsDbContext>(Name, audited: false);
        builder.AddValidatorsOf<LogsDbContext>();
        builder.Services.AddValidatedOptions<LogsOptions>(LogsOptions.Section);
        var services = builder.Services;
        services.AddScoped<InProcessLogSink>();
        // Every process hosting Logs ships its own logs here, in process.
        services.Replace(ServiceDescriptor.Scoped<ILogSink>(sp => sp.GetRequiredService<InProcessLogSink>()));
        services.AddHostedService<RetentionJob>();
        builder.AddEventHandler<AuditRecorded, AuditRecordedHandler, LogsDbContext>(Name);
        return builder;
    }

    /// <summary>Maps the module's endpoints.</summary>
    public static IEndpointRouteBuilder MapLogs(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMessagingOperations(Name);
        // Logs and audit entries are for administrators' eyes: no response is cached anywhere.
        var logs = endpoints.MapGroup(string.Empty).WithNoStore();
        logs.MapLogsApi();
        logs.MapCorrelationsApi();
        logs.MapAuditApi();
        return endpoints;
    }
}
