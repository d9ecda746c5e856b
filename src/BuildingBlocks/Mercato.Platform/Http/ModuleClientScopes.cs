using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Platform.Http;

/// <summary>
/// What one consumer declared when it added a neighbour's HTTP client with
/// <see cref="ModuleClientSetup.AddModuleClient{TClient, THttpClient, TOptions}"/>: the scopes its
/// calls need. One is kept in the service collection per call (a second consumer of the same client
/// is recorded too), beside the HTTP client's registration, so that once every module is added one
/// can tell whether the HTTP client is the one in use and so which scopes this service's own client
/// (<c>Auth:ServiceClient</c>) needs: <c>Mercato.Server service-clients</c> prints them.
/// </summary>
/// <param name="Module">The called module as people read it (e.g. <c>Catalog</c>).</param>
/// <param name="Remote">The client interface's registration as the HTTP client; a co-hosted module removes it, or keeps it from being added.</param>
/// <param name="Scopes">The scopes the consumer's calls need.</param>
public sealed record ModuleClientScopes(string Module, ServiceDescriptor Remote, IReadOnlyList<string> Scopes)
{
    /// <summary>Whether the HTTP client is the one <paramref name="services"/> resolves (its module is not co-hosted).</summary>
    public bool IsRemoteIn(IServiceCollection services) => services.Contains(Remote);

    /// <summary>Every declaration in <paramref name="services"/>, in the order they were made.</summary>
    public static IEnumerable<ModuleClientScopes> In(IServiceCollection services) =>
        services.Where(d => d.ServiceType == typeof(ModuleClientScopes)).Select(d => d.ImplementationInstance).OfType<ModuleClientScopes>();

    /// <summary>
    /// The scopes this service's client needs once every module is added: those declared for every
    /// HTTP client in use, each once, in the order declared. Empty when it calls no other service.
    /// </summary>
    public static IReadOnlyList<string> NeededBy(IServiceCollection services) =>
        [.. In(services).Where(c => c.IsRemoteIn(services)).SelectMany(c => c.Scopes).Distinct(StringComparer.Ordinal)];
}
