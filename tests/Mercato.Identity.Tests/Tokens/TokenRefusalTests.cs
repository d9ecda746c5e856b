using System.Net;
using Mercato.Identity.Tests.Support;
using Mercato.Testing;

namespace Mercato.Identity.Tests.Tokens;

/// <summary>
/// A protected endpoint (<c>GET /api/v1/auth/me</c>) refuses every token that is not exactly
/// right with 401 in the envelope, and <c>POST /api/v1/auth/verify</c> says why. Each forged
/// token bends one property of an otherwise valid token; the control case shows the unbent
/// token is accepted, so each refusal has that one cause.
/// </summary>
public sealed class TokenRefusalTests(IdentityFactory factory) : IClassFixture<IdentityFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    public static TheoryData<string, string, string> Refusals => new()
    {
        { "signed_by_an_unknown_es256_key", "INVALID_TOKEN", "invalid_signature" },
        { "signed_by_the_real_key_without_a_kid", "INVALID_TOKEN", "invalid_signature" },
        { "signed_by_the_real_key_under_an_unknown_kid", "INVALID_TOKEN", "invalid_signature" },
        { "expired", "EXPIRED_TOKEN", "expired" },
        { "for_another_audience", "INVALID_TOKEN", "invalid_audience" },
        { "from_another_issuer", "INVALID_TOKEN", "invalid_issuer" },
        { "alg_none", "INVALID_TOKEN", "invalid_signature" },
        { "hs256_shared_secret", "INVALID_TOKEN", "invalid_signature" },
        { "payload_edited_after_signing", "INVALID_TOKEN", "invalid_signature" },
        { "not_a_jwt", "INVALID_TOKEN", "malformed" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_bad_token_is_refused_with_401_and_verify_says_why(string kind, string code, string reason)
    {
        var token = await ForgeAsync(kind);

        using var me = await _client.SendAsync(HttpMethod.Get, "/api/v1/auth/me", token);
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        Assert.Equal([code], (await me.ReadErrorAsync()).ErrorCodes());
        Assert.Equal("Bearer error=\"invalid_token\"", me.Headers.WwwAuthenticate.ToString());

        var verdict = await VerifyAsync(token);
        Assert.False(verdict.GetProperty("valid").GetBoolean());
        Assert.Equal(reason, verdict.GetProperty("reason").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, verdict.GetProperty("subject").ValueKind);
    }

    [Fact]
    public async Task The_same_token_unbent_is_accepted_by_me_and_verify()
    {
        var token = await ForgeAsync("control");

        using var me = await _client.SendAsync(HttpMethod.Get, "/api/v1/auth/me", token);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.True((await VerifyAsync(token)).GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task A_customer_token_edited_to_claim_admin_does_not_reach_an_admin_endpoint()
    {
        var session = await _client.SignUpAsync("escalate");
        var edited = TokenForge.Tamper(session.AccessToken, claims => claims["role"] = new System.Text.Json.Nodes.JsonArray("Admin"));

        using var users = await _client.SendAsync(HttpMethod.Get, "/api/v1/users", edited);

        Assert.Equal(HttpStatusCode.Unauthorized, users.StatusCode);
        Assert.Equal(["INVALID_TOKEN"], (await users.ReadErrorAsync()).ErrorCodes());
    }

    private async Task<string> ForgeAsync(string kind)
    {
        var session = await _client.SignUpAsync("forged");
        var auth = factory.Auth();
        var subject = session.UserId.ToString();
        string[] roles = ["Customer"];
        var moduleKey = factory.KeyRing().Current.Credentials;
        switch (kind)
        {
            case "control":
                return TokenForge.Sign(moduleKey, auth.Issuer, auth.Audience, subject, roles);
            case "signed_by_an_unknown_es256_key":
                return TokenForge.Sign(TokenForge.UnknownEs256Key(), auth.Issuer, auth.Audience, subject, roles);
            case "signed_by_the_real_key_without_a_kid":
                return TokenForge.Sign(TokenForge.WithKeyId(moduleKey, null), auth.Issuer, auth.Audience, subject, roles);
            case "signed_by_the_real_key_under_an_unknown_kid":
                return TokenForge.Sign(TokenForge.WithKeyId(moduleKey, "not-a-published-kid"), auth.Issuer, auth.Audience, subject, roles);
            case "expired":
                return await LoginLongAgoAsync(session);
            case "for_another_audience":
                return TokenForge.Sign(moduleKey, auth.Issuer, "other-api", subject, roles);
            case "from_another_issuer":
                return TokenForge.Sign(moduleKey, "https://elsewhere.example", auth.Audience, subject, roles);
            case "alg_none":
                return TokenForge.AlgNone(auth.Issuer, auth.Audience, subject, roles);
            case "hs256_shared_secret":
                return TokenForge.Symmetric(auth.Issuer, auth.Audience, subject, roles);
            case "payload_edited_after_signing":
                return TokenForge.Tamper(session.AccessToken, claims => claims["sub"] = Guid.NewGuid().ToString());
            case "not_a_jwt":
                return "not-a-jwt";
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown kind");
        }
    }

    /// <summary>
    /// Signs in with the module's clock set back by more than a token lifetime plus the
    /// validators' clock skew, so the token it issues has expired by the real clock.
    /// </summary>
    private async Task<string> LoginLongAgoAsync(Session session)
    {
        var email = (await VerifyAsync(session.AccessToken)).GetProperty("email").GetString()!;
        var now = factory.Clock.GetUtcNow();
        factory.Clock.AdjustTime(now - TimeSpan.FromMinutes(15) - factory.Auth().ClockSkew - TimeSpan.FromMinutes(1));
        try
        {
            return (await _client.LoginAsync(email)).AccessToken;
        }
        finally
        {
            factory.Clock.AdjustTime(now);
        }
    }

    private async Task<System.Text.Json.JsonElement> VerifyAsync(string token)
    {
        using var response = await _client.PostJsonAsync("/api/v1/auth/verify", new { token });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("data");
    }
}
