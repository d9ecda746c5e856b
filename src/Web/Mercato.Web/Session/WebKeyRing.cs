using Mercato.Platform.RateLimiting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.Infrastructure;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Web.Session;

/// <summary>
/// The Data Protection key ring behind the session cookie and the forms' antiforgery tokens.
/// Embedded, the process already has one: Identity's, in a private folder beside the data, which
/// this leaves alone. The storefront as a service of its own (<c>--services web</c>, distributed
/// mode) has none; it keeps its ring in the shared Redis (<see cref="SharedRedis"/>, in use when
/// <c>RateLimiting:Store</c> is <c>redis</c>) under one application name, so that every replica
/// reads the cookies and form tokens the others wrote and a restart signs nobody out.
/// </summary>
internal static class WebKeyRing
{
    /// <summary>The application name the storefront's replicas share when no module named the process's ring.</summary>
    public const string ApplicationName = "mercato-web";

    /// <summary>The Redis key of the ring (after <c>RateLimiting:Redis:KeyPrefix</c>).</summary>
    public const string RedisKey = "web:data-protection-keys";

    /// <summary>Registers the ring's settings; they apply only where no other module set up a ring.</summary>
    public static IServiceCollection AddWebKeyRing(this IServiceCollection services)
    {
        services.AddDataProtection();
        // Unnamed, the ring is the content root's: replicas started from other folders would not share it.
        services.AddOptions<DataProtectionOptions>().PostConfigure<IServiceProvider>((o, sp) =>
        {
            if (o.ApplicationDiscriminator == sp.GetApplicationUniqueIdentifier())
            {
                o.ApplicationDiscriminator = ApplicationName;
            }
        });
        services.AddOptions<KeyManagementOptions>().PostConfigure<SharedRedis>((o, redis) =>
        {
            if (o.XmlRepository is null && redis.InUse)
            {
                o.XmlRepository = new RedisXmlRepository(() => redis.ConnectionAsync().GetAwaiter().GetResult().GetDatabase(), redis.KeyPrefix + RedisKey);
            }
        });
        return services;
    }
}
