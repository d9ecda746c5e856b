using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace Mercato.Platform.Hosting;

/// <summary>
/// Describes one module to the host: its name (as used by <c>--services</c>), the public path
/// prefixes it owns (used by the gateway to route), and its two entry points.
/// </summary>
/// <param name="Name">Lower-case module name, e.g. <c>catalog</c>.</param>
/// <param name="RoutePrefixes">Absolute path prefixes this module serves, e.g. <c>/api/v1/products</c>.</param>
/// <param name="Add">The module's <c>Add&lt;Module&gt;</c> entry point.</param>
/// <param name="Map">The module's <c>Map&lt;Module&gt;</c> entry point.</param>
public sealed record MercatoModule(
    string Name,
    IReadOnlyList<string> RoutePrefixes,
    Action<IHostApplicationBuilder> Add,
    Action<IEndpointRouteBuilder> Map);
