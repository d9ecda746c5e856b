using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Platform.Correlation;

/// <summary>Makes every HttpClient from HttpClientFactory carry the current <c>X-Correlation-Id</c>.</summary>
public static class CorrelationPropagation
{
    /// <summary>
    /// Adds <see cref="CorrelationIdDelegatingHandler"/> to every HttpClient of the container.
    /// Safe to call more than once (the platform and a module's client both call it): the handler
    /// is added once.
    /// </summary>
    public static IServiceCollection AddCorrelationPropagation(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(CorrelationIdDelegatingHandler)))
        {
            return services;
        }

        services.AddTransient<CorrelationIdDelegatingHandler>();
        services.ConfigureHttpClientDefaults(http => http.AddHttpMessageHandler<CorrelationIdDelegatingHandler>());
        return services;
    }
}
