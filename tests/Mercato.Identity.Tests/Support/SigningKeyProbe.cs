using System.Net;
using System.Text.Json;
using Mercato.Identity.Data;
using Mercato.Identity.Keys;
using Mercato.Platform.Auth;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mercato.Identity.Tests.Support;

/// <summary>
/// What a test checks about signing keys: the published key set (over HTTP, as validators see
/// it), the rows in <c>identity_signing_keys</c>, and the module's own key ring.
/// </summary>
internal static class SigningKeyProbe
{
    /// <summary>Parameters a published JWK may carry: public ones only.</summary>
    public static readonly string[] PublicJwkMembers = ["kty", "use", "kid", "alg", "crv", "x", "y", "n", "e"];

    /// <summary>GETs <c>/.well-known/jwks.json</c> and returns its <c>keys</c>.</summary>
    public static async Task<JsonElement[]> GetJwksAsync(this HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/.well-known/jwks.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.ReadJsonAsync()).GetProperty("keys").EnumerateArray()];
    }

    /// <summary>The key ids of the published key set.</summary>
    public static async Task<string[]> PublishedKidsAsync(this HttpClient client) =>
        [.. (await client.GetJwksAsync()).Select(k => k.GetProperty("kid").GetString()!)];

    /// <summary>The module's key ring.</summary>
    public static KeyRing KeyRing(this IdentityFactory factory) => factory.Services.GetRequiredService<KeyRing>();

    /// <summary>The <c>Auth</c> options the host validates with (issuer, audience, skew).</summary>
    public static AuthOptions Auth(this IdentityFactory factory) => factory.Services.GetRequiredService<IOptions<AuthOptions>>().Value;

    /// <summary>The rows of <c>identity_signing_keys</c>, oldest activation first.</summary>
    public static async Task<List<StoredSigningKey>> StoredKeysAsync(this IdentityFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MercatoIdentityDbContext>();
        return await db.SigningKeys.AsNoTracking().OrderBy(k => k.ActivatesAt).ToListAsync();
    }

    /// <summary>How many rows <c>identity_signing_keys</c> holds, by plain SQL on the module's database.</summary>
    public static async Task<int> StoredKeyCountAsync(this IdentityFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MercatoIdentityDbContext>();
        return await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM identity_signing_keys").SingleAsync();
    }
}
