using System.Collections.Concurrent;
using System.Net;
using Mercato.Identity.Clients;
using Mercato.Identity.Tests.Support;
using Mercato.Platform.Auth;
using Mercato.Platform.Auth.ServiceTokens;
using Mercato.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Mercato.Identity.Tests.ServiceCalls;

/// <summary>
/// A module's typed HttpClient with <c>AddServiceToken()</c> gets tokens from a real Identity
/// (client credentials over HTTP), caches them, renews them before expiry and after a 401.
/// </summary>
public sealed class ServiceTokenHandlerTests : IAsyncLifetime
{
    private const string Secret = "orders-secret-3f9a";
    private readonly IdentityFactory _identity = new();
    private readonly ConcurrentQueue<string> _seen = new();
    private Microsoft.AspNetCore.Builder.WebApplication? _downstream;
    private string _identityUrl = string.Empty;
    private string _downstreamUrl = string.Empty;
    private int _refuseNext;

    public async ValueTask InitializeAsync()
    {
        _identity.Settings["Identity:Clients:orders:SecretHash"] = ServiceClientRegistry.HashSecret(Secret);
        _identity.Settings["Identity:Clients:orders:Scopes:0"] = "catalog.stock";
        _identity.Settings["Identity:Clients:orders:Scopes:1"] = "cart.read";
        _identityUrl = _identity.StartKestrel().ToString().TrimEnd('/');
        (_downstream, _downstreamUrl) = await LoopbackApp.StartAsync((app, _) =>
            app.MapGet("/stock", (HttpContext context) =>
            {
                _seen.Enqueue(context.Request.Headers.Authorization.ToString());
                return Interlocked.Exchange(ref _refuseNext, 0) == 1 ? Results.Unauthorized() : Results.Ok(new { ok = true });
            }));
    }

    public async ValueTask DisposeAsync()
    {
        if (_downstream is not null)
        {
            await _downstream.DisposeAsync();
        }

        await _identity.DisposeAsync();
    }

    [Fact]
    public async Task Calls_carry_a_valid_service_token_that_is_reused_until_it_nears_expiry()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var services = Services(Secret, clock, "catalog.stock");
        var client = services.GetRequiredService<IHttpClientFactory>().CreateClient("catalog");

        (await client.GetAsync(new Uri(_downstreamUrl + "/stock"))).EnsureSuccessStatusCode();
        (await client.GetAsync(new Uri(_downstreamUrl + "/stock"))).EnsureSuccessStatusCode();
        var first = _seen.ToArray();
        Assert.Equal(2, first.Length);
        Assert.StartsWith("Bearer ", first[0], StringComparison.Ordinal);
        Assert.Equal(first[0], first[1]);

        var verified = await VerifyAsync(first[0]["Bearer ".Length..]);
        Assert.True(verified.GetProperty("valid").GetBoolean());
        Assert.Equal("orders", verified.GetProperty("clientId").GetString());
        Assert.Equal(["catalog.stock"], verified.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));

        // 15-minute tokens are renewed a minute before they expire.
        clock.Advance(TimeSpan.FromMinutes(14) + TimeSpan.FromSeconds(1));
        (await client.GetAsync(new Uri(_downstreamUrl + "/stock"))).EnsureSuccessStatusCode();
        Assert.NotEqual(first[0], _seen.Last());
    }

    [Fact]
    public async Task A_401_from_the_callee_drops_the_token_and_the_call_is_retried_once_with_a_new_one()
    {
        await using var services = Services(Secret, TimeProvider.System);
        var client = services.GetRequiredService<IHttpClientFactory>().CreateClient("catalog");
        (await client.GetAsync(new Uri(_downstreamUrl + "/stock"))).EnsureSuccessStatusCode();
        var before = _seen.Count;

        Interlocked.Exchange(ref _refuseNext, 1);
        using var response = await client.GetAsync(new Uri(_downstreamUrl + "/stock"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var attempts = _seen.Skip(before).ToArray();
        Assert.Equal(2, attempts.Length);
        Assert.NotEqual(attempts[0], attempts[1]);
    }

    [Fact]
    public async Task A_wrong_secret_fails_the_call_with_the_status_identity_gave_and_reaches_no_callee()
    {
        await using var services = Services("not-the-secret", TimeProvider.System);
        var client = services.GetRequiredService<IHttpClientFactory>().CreateClient("catalog");

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri(_downstreamUrl + "/stock")));

        Assert.Equal(HttpStatusCode.Unauthorized, failure.StatusCode);
        Assert.Empty(_seen);
    }

    private ServiceProvider Services(string secret, TimeProvider clock, params string[] scopes)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Auth:Issuer"] = _identityUrl,
            ["Auth:ServiceClient:ClientId"] = "orders",
            ["Auth:ServiceClient:ClientSecret"] = secret,
        };
        for (var i = 0; i < scopes.Length; i++)
        {
            settings[$"Auth:ServiceClient:Scopes:{i}"] = scopes[i];
        }

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        services.AddSingleton(clock);
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section);
        services.AddHttpClient("catalog").AddServiceToken();
        return services.BuildServiceProvider();
    }

    private async Task<System.Text.Json.JsonElement> VerifyAsync(string token)
    {
        using var http = new HttpClient();
        using var response = await http.PostJsonAsync(_identityUrl + "/api/v1/auth/verify", new { token });
        return (await response.ReadJsonAsync()).GetProperty("data");
    }
}
