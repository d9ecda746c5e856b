using System.Net;
using System.Net.Http.Headers;
using Mercato.Probe.Data;
using Mercato.Platform.Tests.Support;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Platform.Tests.RateLimiting;

/// <summary>Seed 004's rate limits through HTTP, on the real pipeline with the in-memory store and a fake clock.</summary>
public sealed class RateLimitingTests : IAsyncLifetime
{
    // The hourly window of 10:20 UTC ends at 11:00.
    private static readonly DateTimeOffset TwentyPastTen = new(2026, 3, 2, 10, 20, 0, TimeSpan.Zero);
    private static readonly long ElevenOClock = new DateTimeOffset(2026, 3, 2, 11, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();

    private readonly List<RateLimitedHost> _hosts = [];
    private TestIssuer _issuer = null!;

    public async ValueTask InitializeAsync() => _issuer = await TestIssuer.StartAsync();

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        await _issuer.DisposeAsync();
    }

    [Fact]
    public async Task Every_response_carries_the_headers_success_or_error_and_remaining_counts_down()
    {
        var client = Start().CreateClient();

        HttpResponseMessage[] responses =
        [
            await client.PostJsonAsync("/api/v1/probe/notes", new { text = "hello", priority = 1 }),
            await client.GetAsync(Url($"/api/v1/probe/notes/{Guid.NewGuid()}")),
            await client.GetAsync(Url("/api/v1/no-such-route")),
            await client.GetAsync(Url("/api/v1/probe/whoami")),
            await client.PostJsonAsync("/api/v1/probe/notes", new { text = "", priority = 9 }),
            await client.GetAsync(Url("/api/v1/probe/boom")),
            await client.DeleteAsync(Url("/api/v1/probe/notes")),
        ];

        Assert.Equal([201, 404, 404, 401, 400, 500, 405], responses.Select(r => (int)r.StatusCode));
        Assert.All(responses, r => Assert.Equal(100, r.RateLimit()));
        Assert.All(responses, r => Assert.Equal("Guest", r.RateLimitPlan()));
        Assert.All(responses, r => Assert.Equal(ElevenOClock, r.RateLimitReset()));
        Assert.Equal([99, 98, 97, 96, 95, 94, 93], responses.Select(r => r.RateLimitRemaining()));
        Assert.All(responses, r => Assert.False(r.Headers.Contains("Retry-After")));
    }

    [Fact]
    public async Task A_guest_past_the_burst_gets_429_in_the_envelope_and_the_endpoint_does_not_run()
    {
        var host = Start();
        var client = host.CreateClient();
        for (var i = 0; i < 10; i++)
        {
            var created = await client.PostJsonAsync("/api/v1/probe/notes", new { text = $"note {i}", priority = 1 });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            Assert.Equal(99 - i, created.RateLimitRemaining());
        }

        var refused = await client.PostJsonAsync("/api/v1/probe/notes", new { text = "one too many", priority = 1 });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var error = await refused.ReadErrorAsync();
        Assert.Equal(["RATE_LIMIT_EXCEEDED"], error.ErrorCodes());
        Assert.Equal("Too many requests", error.GetProperty("message").GetString());
        Assert.Equal("Rate limit exceeded. Try again in 36 seconds", error.GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.Equal(36, error.GetProperty("retryAfter").GetInt32());
        Assert.Equal(36, refused.RetryAfter());
        Assert.Equal(100, refused.RateLimit());
        Assert.Equal("Guest", refused.RateLimitPlan());
        Assert.Equal(0, refused.RateLimitRemaining());
        Assert.Equal(TwentyPastTen.AddSeconds(36).ToUnixTimeSeconds(), refused.RateLimitReset());
        Assert.Equal(10, await CountNotesAsync(host));
    }

    [Fact]
    public async Task Refused_requests_spend_nothing_and_the_burst_refills_at_the_hourly_rate()
    {
        var host = Start();
        var client = host.CreateClient();
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await GetMissingNoteAsync(client)).StatusCode);
        }

        var refused = await GetMissingNoteAsync(client);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(36, refused.RetryAfter());

        // 100 an hour is one request every 36 s.
        host.Clock.Advance(TimeSpan.FromSeconds(35));
        var stillRefused = await GetMissingNoteAsync(client);
        Assert.Equal(HttpStatusCode.TooManyRequests, stillRefused.StatusCode);
        Assert.Equal(1, stillRefused.RetryAfter());
        Assert.Equal(0, stillRefused.RateLimitRemaining());
        Assert.Equal(TwentyPastTen.AddSeconds(36).ToUnixTimeSeconds(), stillRefused.RateLimitReset());

        host.Clock.Advance(TimeSpan.FromSeconds(1));
        var allowed = await GetMissingNoteAsync(client);
        Assert.Equal(HttpStatusCode.NotFound, allowed.StatusCode);
        Assert.Equal(89, allowed.RateLimitRemaining());
        Assert.Equal(HttpStatusCode.TooManyRequests, (await GetMissingNoteAsync(client)).StatusCode);
    }

    [Fact]
    public async Task A_used_up_quota_comes_back_when_the_window_ends_and_plans_are_configurable()
    {
        var host = Start(settings: new()
        {
            ["RateLimiting:Plans:Guest:Limit"] = "3",
            ["RateLimiting:Plans:Guest:Burst"] = "3",
            ["RateLimiting:Plans:Guest:Window"] = "00:01:00",
        });
        var client = host.CreateClient();
        var tenTwentyOne = TwentyPastTen.AddMinutes(1).ToUnixTimeSeconds();
        for (var i = 0; i < 3; i++)
        {
            var allowed = await GetMissingNoteAsync(client);
            Assert.Equal(3, allowed.RateLimit());
            Assert.Equal(2 - i, allowed.RateLimitRemaining());
            Assert.Equal(tenTwentyOne, allowed.RateLimitReset());
        }

        var refused = await GetMissingNoteAsync(client);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(60, refused.RetryAfter());
        Assert.Equal(0, refused.RateLimitRemaining());
        Assert.Equal(tenTwentyOne, refused.RateLimitReset());

        host.Clock.Advance(TimeSpan.FromSeconds(59));
        var stillRefused = await GetMissingNoteAsync(client);
        Assert.Equal(HttpStatusCode.TooManyRequests, stillRefused.StatusCode);
        Assert.Equal(1, stillRefused.RetryAfter());

        host.Clock.Advance(TimeSpan.FromSeconds(1));
        var afterReset = await GetMissingNoteAsync(client);
        Assert.Equal(HttpStatusCode.NotFound, afterReset.StatusCode);
        Assert.Equal(2, afterReset.RateLimitRemaining());
        Assert.Equal(tenTwentyOne + 60, afterReset.RateLimitReset());
    }

    [Theory]
    [InlineData(1000, "Customer")]
    [InlineData(5000, "Premium")]
    [InlineData(10000, "Admin")]
    [InlineData(10000, "Customer", "Admin")]
    public async Task A_signed_in_user_gets_the_plan_of_their_highest_role(int limit, params string[] roles)
    {
        var client = Start().CreateClient();

        var response = await SendAsync(client, "/api/v1/probe/whoami", _issuer.UserToken("user-1", roles));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(limit, response.RateLimit());
        Assert.Equal(limit - 1, response.RateLimitRemaining());
    }

    [Fact]
    public async Task A_service_token_gets_the_service_plan_and_an_anonymous_caller_the_guest_plan()
    {
        var client = Start().CreateClient();

        var service = await SendAsync(client, "/api/v1/probe/service", _issuer.ServiceToken("ordering", "probe.read"));
        var anonymous = await SendAsync(client, "/api/v1/probe/service", token: null);

        Assert.Equal(HttpStatusCode.OK, service.StatusCode);
        Assert.Equal(100_000, service.RateLimit());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(100, anonymous.RateLimit());
        Assert.Equal(99, anonymous.RateLimitRemaining());
    }

    [Fact]
    public async Task Forbidden_requests_count_against_the_callers_budget()
    {
        var client = Start().CreateClient();
        var token = _issuer.UserToken("customer-1", "Customer");

        var allowed = await SendAsync(client, "/api/v1/probe/whoami", token);
        var forbidden = await SendAsync(client, "/api/v1/probe/admin", token);
        var next = await SendAsync(client, "/api/v1/probe/whoami", token);

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(["FORBIDDEN"], (await forbidden.ReadErrorAsync()).ErrorCodes());
        Assert.Equal([999, 998, 997], new[] { allowed, forbidden, next }.Select(r => r.RateLimitRemaining()));
    }

    [Fact]
    public async Task Each_user_spends_a_budget_of_their_own()
    {
        var client = Start(settings: new()
        {
            ["RateLimiting:Plans:Customer:Limit"] = "7",
            ["RateLimiting:Plans:Customer:Burst"] = "2",
        }).CreateClient();
        var alice = _issuer.UserToken("alice", "Customer");
        var bob = _issuer.UserToken("bob", "Customer");

        var aliceFirst = await SendAsync(client, "/api/v1/probe/whoami", alice);
        var aliceSecond = await SendAsync(client, "/api/v1/probe/whoami", alice);
        var aliceRefused = await SendAsync(client, "/api/v1/probe/whoami", alice);
        var bobFirst = await SendAsync(client, "/api/v1/probe/whoami", bob);
        var guest = await SendAsync(client, $"/api/v1/probe/notes/{Guid.NewGuid()}", token: null);

        Assert.Equal([7, 7, 7], new[] { aliceFirst, aliceSecond, aliceRefused }.Select(r => r.RateLimit()));
        Assert.Equal([6, 5], new[] { aliceFirst, aliceSecond }.Select(r => r.RateLimitRemaining()));
        Assert.Equal(HttpStatusCode.TooManyRequests, aliceRefused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, bobFirst.StatusCode);
        Assert.Equal(6, bobFirst.RateLimitRemaining());
        Assert.Equal(HttpStatusCode.NotFound, guest.StatusCode);
        Assert.Equal(99, guest.RateLimitRemaining());
    }

    [Fact]
    public async Task Guests_are_counted_per_client_ip_and_a_forged_token_does_not_escape_the_guest_plan()
    {
        var client = Start().CreateClient();
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await GetMissingNoteAsync(client, "203.0.113.10")).StatusCode);
        }

        var refused = await GetMissingNoteAsync(client, "203.0.113.10");
        var otherGuest = await GetMissingNoteAsync(client, "203.0.113.11");
        var forged = await GetMissingNoteAsync(client, "203.0.113.10", _issuer.UnsignedToken("mallory", "Admin"));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherGuest.StatusCode);
        Assert.Equal(99, otherGuest.RateLimitRemaining());
        Assert.Equal(HttpStatusCode.TooManyRequests, forged.StatusCode);
        Assert.Equal(100, forged.RateLimit());
    }

    [Fact]
    public async Task Ipv6_guests_are_counted_per_64_bit_network()
    {
        var client = Start(settings: new() { ["RateLimiting:Plans:Guest:Burst"] = "2" }).CreateClient();

        var first = await GetMissingNoteAsync(client, "2001:db8:1:2::1");
        var sameNetwork = await GetMissingNoteAsync(client, "2001:db8:1:2:ffff::9");
        var refused = await GetMissingNoteAsync(client, "2001:db8:1:2::3");
        var otherNetwork = await GetMissingNoteAsync(client, "2001:db8:1:3::1");

        Assert.Equal([99, 98], new[] { first, sameNetwork }.Select(r => r.RateLimitRemaining()));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherNetwork.StatusCode);
        Assert.Equal(99, otherNetwork.RateLimitRemaining());
    }

    [Fact]
    public async Task Health_endpoints_are_neither_limited_nor_counted()
    {
        var client = Start().CreateClient();

        for (var i = 0; i < 15; i++)
        {
            var live = await client.GetAsync(Url("/health/live"));
            var ready = await client.GetAsync(Url("/health/ready"));
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.False(live.HasRateLimitHeaders());
            Assert.False(ready.HasRateLimitHeaders());
        }

        Assert.Equal(99, (await GetMissingNoteAsync(client)).RateLimitRemaining());
    }

    [Fact]
    public async Task Turned_off_it_neither_limits_nor_adds_headers()
    {
        var client = Start(settings: new() { ["RateLimiting:Enabled"] = "false" }).CreateClient();

        for (var i = 0; i < 15; i++)
        {
            var response = await GetMissingNoteAsync(client);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.False(response.HasRateLimitHeaders());
        }
    }

    [Fact]
    public async Task Settings_that_cannot_work_stop_the_start_naming_each_problem()
    {
        var (exitCode, messages) = await RefusedStart.RunAsync(new()
        {
            ["RateLimiting:Store"] = "memcached",
            ["RateLimiting:Plans:Guest:Burst"] = "0",
            ["RateLimiting:Plans:Admin:Window"] = "00:00:00",
        });

        Assert.Equal(2, exitCode);
        Assert.Contains("RateLimiting:Store must be 'memory' or 'redis', not 'memcached'", messages, StringComparison.Ordinal);
        Assert.Contains("RateLimiting:Plans:Guest:Burst must be at least 1", messages, StringComparison.Ordinal);
        Assert.Contains("RateLimiting:Plans:Admin:Window must be", messages, StringComparison.Ordinal);
    }

    private RateLimitedHost Start(DateTimeOffset? start = null, Dictionary<string, string?>? settings = null)
    {
        var host = new RateLimitedHost(start ?? TwentyPastTen, [.. _issuer.Settings, .. settings ?? []]);
        _hosts.Add(host);
        return host;
    }

    private static Uri Url(string path) => new(path, UriKind.Relative);

    private static Task<HttpResponseMessage> GetMissingNoteAsync(HttpClient client, string? forwardedFor = null, string? token = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Url($"/api/v1/probe/notes/{Guid.NewGuid()}"));
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client.SendAsync(request);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string path, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Url(path));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client.SendAsync(request);
    }

    private static async Task<int> CountNotesAsync(RateLimitedHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ProbeDbContext>().Notes.CountAsync();
    }
}
