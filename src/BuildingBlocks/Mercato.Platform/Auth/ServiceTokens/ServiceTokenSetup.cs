using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mercato.Platform.Auth.ServiceTokens;

/// <summary>Registers service tokens on a module's typed HttpClient.</summary>
public static class ServiceTokenSetup
{
    /// <summary>
    /// Makes every call of this client carry this service's token (client credentials from
    /// <c>Auth:ServiceClient</c>), for other services' service-only endpoints.
    /// </summary>
    public static IHttpClientBuilder AddServiceToken(this IHttpClientBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ServiceClientCredentials>().BindConfiguration(ServiceClientCredentials.Section);
        services.AddHttpClient(ServiceTokenProvider.HttpClientName);
        services.TryAddSingleton<ServiceTokenProvider>();
        services.TryAddTransient<ServiceTokenHandler>();
        return builder.AddHttpMessageHandler<ServiceTokenHandler>();
    }
}
