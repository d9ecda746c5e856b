using Mercato.Platform.Auth;
using Mercato.Platform.Envelope;
using Mercato.Platform.Hosting;
using Mercato.Platform.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace Mercato.Platform.OpenApi;

/// <summary>
/// One OpenAPI document per hosted module (<c>/openapi/{module}.json</c>), one for everything
/// hosted here (<c>/openapi/v1.json</c>), and the interactive reference at <c>/api/docs</c>, which
/// lists the documents in <see cref="ApiReferenceOptions"/>.
/// </summary>
public static class OpenApiSetup
{
    /// <summary>The document that covers every hosted module.</summary>
    public const string AllDocument = "v1";

    /// <summary>Where documents are served; <c>{documentName}</c> is the module name or <see cref="AllDocument"/>.</summary>
    public const string DocumentRoute = "/openapi/{documentName}.json";

    /// <summary>Where the interactive reference is served.</summary>
    public const string ReferenceRoute = "/api/docs";

    /// <summary>
    /// Configuration key: when <c>true</c>, the documents also list the endpoints meant only for
    /// other services (those requiring a service scope, see <see cref="MercatoPolicies.Scope"/>).
    /// Default <c>false</c>: clients of the public API never see them.
    /// </summary>
    public const string IncludeServiceEndpointsKey = "OpenApi:IncludeServiceEndpoints";

    /// <summary>
    /// Registers a document for every hosted module that owns public routes, plus the combined
    /// one, and lists them in the interactive reference.
    /// </summary>
    public static IHostApplicationBuilder AddMercatoOpenApi(this IHostApplicationBuilder builder, HostedModules modules)
    {
        var documented = modules.Hosted.Where(m => m.RoutePrefixes.Count > 0).Select(m => m.Name).ToList();
        if (documented.Count == 0 && modules.IsHosted(HostedModules.GatewayName))
        {
            // A pure gateway generates nothing; it lists the documents of the services it routes to.
            return builder;
        }

        var includeService = builder.Configuration.GetValue<bool>(IncludeServiceEndpointsKey);
        bool Listed(ApiDescription d) => includeService || !IsServiceOnly(d);
        builder.Services.AddSingleton(new GeneratedDocuments([AllDocument, .. documented]));
        builder.Services.AddOpenApi(AllDocument, o => Configure(o, d => d.GroupName is { } group && documented.Contains(group) && Listed(d)));
        builder.Services.AddApiReferenceDocument(new ApiDocumentLink(AllDocument, "All modules"));
        foreach (var module in documented)
        {
            builder.Services.AddOpenApi(module, o => Configure(o, d => d.GroupName == module && Listed(d)));
            builder.Services.AddApiReferenceDocument(ApiDocumentLink.ForModule(module));
        }

        return builder;
    }

    /// <summary>
    /// Lists a document in the interactive reference. The platform lists the documents this
    /// process generates; a host that routes to other processes lists theirs, served at
    /// <see cref="DocumentRoute"/> by whatever it maps there.
    /// </summary>
    public static IServiceCollection AddApiReferenceDocument(this IServiceCollection services, ApiDocumentLink document) =>
        services.Configure<ApiReferenceOptions>(o =>
        {
            if (!o.Documents.Any(d => d.Name == document.Name))
            {
                o.Documents.Add(document);
            }
        });

    /// <summary>Maps the documents generated here and the interactive reference.</summary>
    public static IEndpointRouteBuilder MapMercatoOpenApi(this IEndpointRouteBuilder endpoints)
    {
        if (endpoints.ServiceProvider.GetService<GeneratedDocuments>() is { } generated)
        {
            endpoints.MapOpenApi(DocumentRoute).AddEndpointFilter((context, next) =>
                context.HttpContext.GetRouteValue("documentName") is string name && generated.Contains(name)
                    ? next(context)
                    : ValueTask.FromResult<object?>(ApiResults.NotFound("No API document has this name")))
                .CacheableRead();
        }

        var documents = endpoints.ServiceProvider.GetRequiredService<IOptions<ApiReferenceOptions>>().Value.Documents;
        if (documents.Count == 0)
        {
            // Nothing to show (a gateway that routes no module): no page pointing at missing documents.
            return endpoints;
        }

        endpoints.MapScalarApiReference(ReferenceRoute, o =>
        {
            o.WithTitle("Mercato API")
                .WithOpenApiRoutePattern(DocumentRoute)
                .AddPreferredSecuritySchemes(OpenApiNames.BearerScheme)
                .WithNonce()
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent()
                .DisableMcp();
            for (var i = 0; i < documents.Count; i++)
            {
                o.AddDocument(documents[i].Name, documents[i].Title, isDefault: i == 0);
            }
        }).CacheableRead();
        return endpoints;
    }

    /// <summary>Whether an endpoint is meant only for other services: it requires a service scope.</summary>
    private static bool IsServiceOnly(ApiDescription description)
    {
        var metadata = description.ActionDescriptor.EndpointMetadata;
        return !metadata.OfType<IAllowAnonymous>().Any()
            && metadata.OfType<IAuthorizeData>().Any(a => a.Policy?.StartsWith(MercatoPolicies.ScopePrefix, StringComparison.Ordinal) == true);
    }

    private static void Configure(OpenApiOptions options, Func<ApiDescription, bool> include)
    {
        options.ShouldInclude = include;
        options.CreateSchemaReferenceId = SchemaNames.For;
        options.AddSchemaTransformer<TimestampSchemaTransformer>();
        options.AddSchemaTransformer<GuidSchemaTransformer>();
        options.AddSchemaTransformer<DecimalSchemaTransformer>();
        options.AddSchemaTransformer<JsonElementSchemaTransformer>();
        options.AddSchemaTransformer<ValidationLimitsSchemaTransformer>();
        options.AddOperationTransformer<PagingParametersTransformer>();
        options.AddOperationTransformer<ParameterLimitsTransformer>();
        options.AddOperationTransformer<FileResponsesTransformer>();
        options.AddOperationTransformer<SecurityRequirementTransformer>();
        options.AddOperationTransformer<StandardResponsesTransformer>();
        options.AddOperationTransformer<DeprecationOperationTransformer>();
        options.AddDocumentTransformer<MercatoDocumentTransformer>();
        options.AddDocumentTransformer<EquivalentPathsTransformer>();
    }
}

/// <summary>The documents this process generates itself (absent when it hosts no documented module).</summary>
/// <param name="Names">Their names.</param>
internal sealed record GeneratedDocuments(IReadOnlyList<string> Names)
{
    /// <summary>Whether the named document is generated here (names are case-insensitive).</summary>
    public bool Contains(string name) => Names.Contains(name, StringComparer.OrdinalIgnoreCase);
}
