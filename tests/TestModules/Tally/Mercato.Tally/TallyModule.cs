using Mercato.Messaging;
using Mercato.Messaging.Operations;
using Mercato.Platform.Hosting;
using Mercato.Platform.Persistence;
using Mercato.Probe.Contracts;
using Mercato.Tally.Data;
using Mercato.Tally.Entries;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace Mercato.Tally;

/// <summary>
/// The Tally test module's two entry points: a second consumer of <see cref="NoteCreated"/>
/// (next to Audit), so tests can show that one consumer never holds up another.
/// </summary>
public static class TallyModule
{
    /// <summary>The module name.</summary>
    public const string Name = "tally";

    /// <summary>The module as the host sees it.</summary>
    public static MercatoModule Descriptor { get; } = new(Name, ["/api/v1/tally", MessagingOperationsApi.RoutePrefix(Name)], b => b.AddTally(), e => e.MapTally());

    /// <summary>Registers the module.</summary>
    public static IHostApplicationBuilder AddTally(this IHostApplicationBuilder builder)
    {
        builder.AddModuleDbContext<TallyDbContext, TallySqliteDbContext, TallyPostgresDbContext>(Name);
        builder.AddEventHandler<NoteCreated, NoteCreatedHandler, TallyDbContext>(Name);
        return builder;
    }

    /// <summary>Maps the module's endpoints.</summary>
    public static IEndpointRouteBuilder MapTally(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapMessagingOperations(Name).MapTallyApi();
}
