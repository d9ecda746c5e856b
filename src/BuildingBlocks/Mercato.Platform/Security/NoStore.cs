using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Mercato.Platform.Security;

/// <summary>
/// Marks endpoints whose responses carry tokens or personal data: they answer with
/// <c>Cache-Control: no-store</c>, so no browser, proxy or CDN keeps a copy
/// (<see cref="SecurityHeadersMiddleware"/> applies it).
/// </summary>
public sealed class NoStore
{
    /// <summary>The header value.</summary>
    public const string CacheControl = "no-store";

    private NoStore()
    {
    }

    /// <summary>The one instance endpoints carry as metadata.</summary>
    public static NoStore Metadata { get; } = new();

    /// <summary>Whether the request's endpoint is marked.</summary>
    internal static bool Applies(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<NoStore>() is not null;
}

/// <summary>Marks endpoints with <see cref="NoStore"/>.</summary>
public static class NoStoreExtensions
{
    /// <summary>Every response of these endpoints carries <c>Cache-Control: no-store</c>.</summary>
    public static TBuilder WithNoStore<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
        => builder.WithMetadata(NoStore.Metadata);
}
