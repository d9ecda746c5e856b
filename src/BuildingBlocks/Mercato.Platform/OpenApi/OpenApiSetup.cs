using Mercato.Platform.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Scalar.AspNetCore;

namespace Mercato.Platform.OpenApi;

/// <summary>
/// One OpenAPI document per hosted module (<c>/openapi/{module}.json</c>), one for everything
/// hosted here (<c>/openapi/v1.json</c>), and the interactive reference at <c>/api/docs</c>.
/// </summary>
public static class OpenApiSetup
{
    /// <summary>The document that covers every hosted module.</summary>
    public const string AllDocument = "v1";

    /// <summary>Registers the documents.</summary>
    public static IHostApplicationBuilder AddMercatoOpenApi(this IHostApplicationBuilder builder, HostedModules modules)
    {
        builder.Services.AddOpenApi(AllDocument, o => o.ShouldInclude = d => d.GroupName is not null);
        foreach (var module in modules.Hosted)
        {
            builder.Services.AddOpenApi(module.Name, o => o.ShouldInclude = d => d.GroupName == module.Name);
        }

        return builder;
    }

    /// <summary>Maps the documents and the interactive reference.</summary>
    public static IEndpointRouteBuilder MapMercatoOpenApi(this IEndpointRouteBuilder endpoints, HostedModules modules)
    {
        endpoints.MapOpenApi("/openapi/{documentName}.json");
        endpoints.MapScalarApiReference("/api/docs", o =>
        {
            o.WithTitle("Mercato API");
            o.WithOpenApiRoutePattern("/openapi/{documentName}.json");
            o.AddDocument(AllDocument, "All hosted modules");
            foreach (var module in modules.Hosted)
            {
                o.AddDocument(module.Name, module.Name);
            }
        });
        return endpoints;
    }
}
