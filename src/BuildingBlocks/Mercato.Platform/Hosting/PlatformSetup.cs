using System.Text.Json.Serialization;
using FluentValidation;
using Mercato.Platform.Auth;
using Mercato.Platform.Correlation;
using Mercato.Platform.Errors;
using Mercato.Platform.Health;
using Mercato.Platform.Idempotency;
using Mercato.Platform.Json;
using Mercato.Platform.OpenApi;
using Mercato.Platform.Persistence;
using Mercato.Platform.RateLimiting;
using Mercato.Platform.Security;
using Mercato.Platform.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Mercato.Platform.Hosting;

/// <summary>Registers and orders everything every module relies on.</summary>
public static class PlatformSetup
{
    /// <summary>Adds the platform's services.</summary>
    public static IHostApplicationBuilder AddMercatoPlatform(this IHostApplicationBuilder builder, HostedModules modules)
    {
        var services = builder.Services;
        services.AddSingleton(modules);
        services.AddSingleton(TimeProvider.System);

        services.AddValidatedOptions<HttpLimitsOptions>(HttpLimitsOptions.Section);
        // Read here (Kestrel, CORS and forwarded headers are set up from it), so checked here.
        var limits = builder.Configuration.ReadValidated<HttpLimitsOptions>(HttpLimitsOptions.Section);

        services.Configure<KestrelServerOptions>(o =>
        {
            o.AddServerHeader = false;
            o.Limits.MaxRequestBodySize = limits.MaxRequestBodyBytes;
            // Kestrel refuses beyond these with an empty body before the pipeline runs; set
            // above Mercato's own limits, which RequestLimitsMiddleware answers in the envelope.
            o.Limits.MaxRequestLineSize = Math.Max(o.Limits.MaxRequestLineSize, (limits.MaxRequestTargetBytes * 2) + 64);
            o.Limits.MaxRequestHeadersTotalSize = Math.Max(o.Limits.MaxRequestHeadersTotalSize, limits.MaxRequestHeadersBytes * 2);
            // What Kestrel still refuses itself (a request it cannot parse) answers in the envelope too.
            ServerRefusalEnvelope.AddTo(o);
        });
        services.AddServerRefusalEnvelope();
        services.AddSingleton(limits);
        services.AddValidatedOptions<MercatoOptions>(MercatoOptions.Section);
        services.AddOptions<HostOptions>().Configure<IOptions<MercatoOptions>>(
            (o, mercato) => o.ShutdownTimeout = TimeSpan.FromSeconds(mercato.Value.ShutdownTimeoutSeconds));

        services.ConfigureHttpJsonOptions(o =>
        {
            // A number is a JSON number: "2" for a quantity is a wrong type (400), as the
            // documents state (type integer, not integer-or-string).
            o.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
            o.SerializerOptions.Converters.Add(new UtcDateTimeOffsetConverter());
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
        });
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        services.AddExceptionHandler<EnvelopeExceptionHandler>();

        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            foreach (var proxy in limits.KnownProxies)
            {
                o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
        });
        if (limits.CorsOrigins.Length > 0)
        {
            services.AddCors(o => o.AddDefaultPolicy(p => p
                .WithOrigins(limits.CorsOrigins)
                .AllowAnyHeader()
                .AllowAnyMethod()
                .WithExposedHeaders(CorrelationContext.HeaderName, "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset", RateLimitHeaders.Plan, "Retry-After", "ETag", Versioning.ApiVersionMiddleware.HeaderName, Versioning.DeprecationHeaders.Deprecation, Versioning.DeprecationHeaders.Sunset, "Link")));
        }

        services.AddCorrelationPropagation();

        services.AddHealthChecks();
        services.AddSingleton<DatabaseMigrator>();
        services.AddHostedService<MigrationHostedService>();
        services.AddHostedService<StartupBanner>();

        builder.AddMercatoTelemetry("mercato-" + string.Join('-', modules.Hosted.Select(m => m.Name)));
        builder.AddMercatoAuth();
        builder.AddMercatoRateLimiting();
        builder.AddMercatoOpenApi(modules);
        return builder;
    }

    /// <summary>Adds the platform's middleware in the order the envelope and security rely on.</summary>
    public static WebApplication UseMercatoPlatform(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseMiddleware<Http.HeadRequestMiddleware>();
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages(StatusCodeEnvelope.WriteAsync);
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<RequestLimitsMiddleware>();
        app.UseMiddleware<Versioning.ApiVersionMiddleware>();
        if (app.Services.GetService<Microsoft.AspNetCore.Cors.Infrastructure.ICorsService>() is not null)
        {
            app.UseCors();
        }

        app.UseRouting();
        app.UseAuthentication();
        app.UseMercatoRateLimiting();
        app.UseAuthorization();
        if (app.Services.GetService<Microsoft.AspNetCore.Antiforgery.IAntiforgery>() is not null)
        {
            // Forms of the storefront and the dashboard (the API itself takes no cookies, so needs none).
            app.UseAntiforgery();
        }

        app.UseMiddleware<Binding.RequestAliasMiddleware>();
        app.UseIdempotencyBuffering();
        return app;
    }

    /// <summary>Maps the platform's own endpoints: health, OpenAPI documents and docs.</summary>
    public static WebApplication MapMercatoPlatform(this WebApplication app, HostedModules modules)
    {
        app.MapMercatoHealth();
        app.MapMercatoOpenApi();
        return app;
    }

    /// <summary>
    /// The route group a module maps into: its endpoints are tagged with the module's OpenAPI
    /// document and validated with any registered FluentValidation validators.
    /// </summary>
    public static RouteGroupBuilder ModuleGroup(this IEndpointRouteBuilder endpoints, MercatoModule module)
    {
        var group = endpoints.MapGroup(string.Empty).WithGroupName(module.Name);
        group.AddEndpointFilterFactory(Validation.ValidationFilter.Create);
        return group;
    }

    /// <summary>Registers every FluentValidation validator in the module's assembly.</summary>
    public static IHostApplicationBuilder AddValidatorsOf<TMarker>(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidatorsFromAssemblyContaining<TMarker>(ServiceLifetime.Singleton, includeInternalTypes: true);
        return builder;
    }
}
