using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Mercato.Platform.Security;

/// <summary>
/// An endpoint's own <c>Content-Security-Policy</c>, for endpoints that serve pages rather than
/// JSON (the storefront and the dashboard); every other response gets the API's deny-all policy
/// (<see cref="SecurityHeadersMiddleware"/>).
/// </summary>
/// <param name="Policy">The header value.</param>
public sealed record ContentSecurityPolicy(string Policy)
{
    /// <summary>The policy of the request's endpoint, if it has one.</summary>
    internal static string? Of(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<ContentSecurityPolicy>()?.Policy;
}

/// <summary>Gives endpoints their <see cref="ContentSecurityPolicy"/>.</summary>
public static class ContentSecurityPolicyExtensions
{
    /// <summary>Every response of these endpoints carries <paramref name="policy"/> as its Content-Security-Policy.</summary>
    public static TBuilder WithContentSecurityPolicy<TBuilder>(this TBuilder builder, string policy)
        where TBuilder : IEndpointConventionBuilder
        => builder.WithMetadata(new ContentSecurityPolicy(policy));
}
