using Mercato.Logs.Contracts;
using Mercato.Platform.Hosting;
using Mercato.Platform.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mercato.Logs.Client;

/// <summary>How every Mercato process ships its logs to the Logs module.</summary>
public static class LogsClientSetup
{
    /// <summary>The name of the Logs service's HttpClient.</summary>
    public const string HttpClientName = "Mercato.Logs";

    /// <summary>The Logs module's name (as <c>--services</c> spells it).</summary>
    public const string LogsModuleName = "logs";

    /// <summary>
    /// Ships this process's logs (<c>Logs:Shipping</c>): in process when the Logs module runs here
    /// (it registers the <see cref="ILogSink"/>), otherwise over HTTP to <c>Services:Logs:Url</c>
    /// with this service's token (<c>Auth:ServiceClient</c>, scope <see cref="LogsScopes.Write"/>). A
    /// process with neither (or with the URL but no credentials) ships nothing.
    /// </summary>
    public static IHostApplicationBuilder AddLogShipping(this IHostApplicationBuilder builder, HostedModules modules)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(modules);
        var services = builder.Services;
        services.AddValidatedOptions<LogShippingOptions>(LogShippingOptions.Section);
        var settings = builder.Configuration.ReadValidated<LogShippingOptions>(LogShippingOptions.Section);
        if (!settings.Enabled)
        {
            return builder;
        }

        if (!modules.IsHosted(LogsModuleName))
        {
            // Without the Logs service's URL, or without this process's service credentials,
            // nothing is shipped.
            var configuration = builder.Configuration;
            if (string.IsNullOrWhiteSpace(configuration[LogsClientOptions.Section + ":Url"])
                || string.IsNullOrWhiteSpace(configuration[Platform.Auth.ServiceTokens.ServiceClientCredentials.Section + ":ClientId"])
                || string.IsNullOrWhiteSpace(configuration[Platform.Auth.ServiceTokens.ServiceClientCredentials.Section + ":ClientSecret"]))
            {
                return builder;
            }

            builder.AddModuleClient<ILogSink, LogsHttpSink, LogsClientOptions>("Logs", HttpClientName, LogsClientOptions.Section, LogsScopes.Write);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<LogBuffer>();
        services.AddSingleton<ILoggerProvider, ShippingLoggerProvider>();
        services.AddHostedService<LogShipper>();
        return builder;
    }
}
