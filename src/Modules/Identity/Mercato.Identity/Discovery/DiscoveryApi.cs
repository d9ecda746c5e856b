using Mercato.Identity.Clients;
using Mercato.Identity.Keys;
using Mercato.Platform.Auth;
using Mercato.Platform.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Mercato.Identity.Discovery;

/// <summary>
/// <c>/.well-known/openid-configuration</c> and <c>/.well-known/jwks.json</c>: how validators find
/// Identity's public keys. Standard documents, so they are not wrapped in the envelope.
/// </summary>
internal static class DiscoveryApi
{
    /// <summary>The discovery document's path.</summary>
    public const string ConfigurationPath = "/.well-known/openid-configuration";

    /// <summary>The key set's path.</summary>
    public const string JwksPath = "/.well-known/jwks.json";

    /// <summary>
    /// How long clients may cache either document: well under the time a new key is published
    /// before it signs, so caches always hold it in time.
    /// </summary>
    private const string CacheControl = "public, max-age=300";

    /// <summary>Maps the two documents.</summary>
    public static IEndpointRouteBuilder MapDiscoveryApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.ModuleGroup(IdentityModule.Descriptor).WithTags("Discovery").AllowAnonymous();
        group.MapGet(ConfigurationPath, GetConfiguration).WithName("OpenIdConfiguration")
            .WithSummary("OpenID Connect discovery document");
        group.MapGet(JwksPath, GetKeys).WithName("Jwks")
            .WithSummary("The public keys that validate Mercato's access tokens");
        return endpoints;
    }

    /// <remarks>
    /// Every URL is built from the configured issuer (the public base URL), never from the
    /// request's <c>Host</c> or <c>X-Forwarded-Host</c>: the answer is publicly cacheable, so one
    /// request with a forged host must not be able to point every validator at another key set.
    /// </remarks>
    private static Ok<DiscoveryDocument> GetConfiguration(HttpContext context, IOptions<AuthOptions> auth)
    {
        var baseUrl = auth.Value.Issuer.TrimEnd('/');
        context.Response.Headers.CacheControl = CacheControl;
        return TypedResults.Ok(new DiscoveryDocument
        {
            Issuer = auth.Value.Issuer,
            JwksUri = baseUrl + JwksPath,
            TokenEndpoint = baseUrl + "/api/v1/auth/token",
            GrantTypesSupported = [ClientCredentialsApi.GrantType],
            TokenEndpointAuthMethodsSupported = ["client_secret_basic", "client_secret_post"],
            IdTokenSigningAlgValuesSupported = ["ES256", "RS256"],
            ResponseTypesSupported = ["token"],
            SubjectTypesSupported = ["public"],
            ClaimsSupported = [MercatoClaims.Subject, MercatoClaims.Email, MercatoClaims.Role, MercatoClaims.Scope, MercatoClaims.ClientId, MercatoClaims.GivenName, MercatoClaims.FamilyName, "preferred_username"],
        });
    }

    private static Ok<JsonWebKeySetDocument> GetKeys(HttpContext context, KeyRing keys)
    {
        context.Response.Headers.CacheControl = CacheControl;
        return TypedResults.Ok(new JsonWebKeySetDocument([.. keys.Published.Select(k => k.Jwk)]));
    }
}
