using Mercato.Platform.Hosting;
using Mercato.Platform.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Mercato.Platform.RateLimiting;

/// <summary>Registers and places the rate limiter.</summary>
public static class RateLimitingSetup
{
    /// <summary>The name of the Redis readiness check.</summary>
    public const string RedisHealthCheckName = "redis-ratelimit";

    /// <summary>
    /// Registers the options, both stores and, when the Redis store is in use, its readiness check.
    /// Everything is decided from the final configuration when first needed, so a module's
    /// <c>Add</c> can still change the defaults (see <see cref="DisableRateLimitingUnlessConfigured"/>).
    /// </summary>
    public static IHostApplicationBuilder AddMercatoRateLimiting(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<RateLimitingOptions>(RateLimitingOptions.Section)
            .PostConfigure<IConfiguration>((options, configuration) =>
            {
                if (string.IsNullOrWhiteSpace(options.Redis.ConnectionString))
                {
                    options.Redis.ConnectionString = configuration.GetConnectionString("Redis");
                }
            });

        services.AddSingleton<SharedRedis>();
        services.AddSingleton<MemoryRateLimitStore>();
        services.AddSingleton<RedisRateLimitStore>();
        services.AddSingleton<IRateLimitStore>(sp => sp.GetRequiredService<SharedRedis>().InUse
            ? sp.GetRequiredService<RedisRateLimitStore>()
            : sp.GetRequiredService<MemoryRateLimitStore>());

        services.AddOptions<HealthCheckServiceOptions>().Configure<IOptions<RateLimitingOptions>>((health, rateLimiting) =>
        {
            if (rateLimiting.Value is { Enabled: true, UsesRedis: true })
            {
                health.Registrations.Add(new HealthCheckRegistration(
                    RedisHealthCheckName,
                    sp => ActivatorUtilities.CreateInstance<RedisRateLimitHealthCheck>(sp),
                    HealthStatus.Unhealthy,
                    [HealthTags.Ready]));
            }
        });
        return builder;
    }

    /// <summary>Adds the rate-limiting middleware when <see cref="RateLimitingOptions.Enabled"/>.</summary>
    public static WebApplication UseMercatoRateLimiting(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<RateLimitingOptions>>().Value.Enabled)
        {
            app.UseMiddleware<RateLimitingMiddleware>();
        }

        return app;
    }

    /// <summary>
    /// Makes rate limiting off unless configuration sets <c>RateLimiting:Enabled</c> explicitly:
    /// the default for a process that fronts others (the gateway), which limit on their own.
    /// </summary>
    public static IHostApplicationBuilder DisableRateLimitingUnlessConfigured(this IHostApplicationBuilder builder)
    {
        // Index 0 is the lowest-priority source: any appsettings, environment or command-line value wins.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = [new($"{RateLimitingOptions.Section}:{nameof(RateLimitingOptions.Enabled)}", "false")],
        });
        return builder;
    }
}
