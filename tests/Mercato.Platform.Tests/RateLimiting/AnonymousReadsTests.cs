using System.Net;
using System.Net.Http.Headers;
using Mercato.Platform.RateLimiting;
using Mercato.Testing;

namespace Mercato.Platform.Tests.RateLimiting;

/// <summary>
/// The AnonymousReads plan through HTTP on the real pipeline with a fake clock, on both stores:
/// anonymous reads of cacheable endpoints (here the API documents and <c>/api/docs</c>) spend a
/// generous per-address budget of their own, while guest writes keep seed 004's Guest plan, and
/// every 429 carries headers that agree with each other.
/// </summary>
public abstract class AnonymousReadsTests(string store) : IAsyncLifetime
{
    private static readonly DateTimeOffset TwentyPastTen = new(2026, 3, 2, 10, 20, 0, TimeSpan.Zero);

    private readonly List<RateLimitedHost> _hosts = [];
    private RedisTestKeys? _keys;
    private TestIssuer _issuer = null!;

    public async ValueTask InitializeAsync()
    {
        _issuer = await TestIssuer.StartAsync();
        if (store == RateLimitStores.Redis)
        {
            _keys = await RedisTestKeys.CreateAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        if (_keys is not null)
        {
            await _keys.DisposeAsync();
        }

        await _issuer.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task A_hundred_and_twenty_quick_anonymous_reads_never_get_429_and_guest_writes_keep_the_burst_of_10()
    {
        var client = Start().CreateClient();

        var reads = new List<HttpResponseMessage>();
        for (var i = 0; i < 120; i++)
        {
            reads.Add(await client.GetAsync(Url(i % 4 == 0 ? "/openapi/probe.json" : "/api/docs/")));
        }

        Assert.All(reads, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.All(reads, r => Assert.Equal("AnonymousReads", r.RateLimitPlan()));
        Assert.All(reads, r => Assert.Equal(300, r.RateLimit()));
        Assert.Equal(Enumerable.Range(180, 120).Reverse(), reads.Select(r => r.RateLimitRemaining()));
        Assert.All(reads, r => Assert.Equal(TwentyPastTen.AddMinutes(1).ToUnixTimeSeconds(), r.RateLimitReset()));

        // The reads spent nothing of the Guest budget: a guest still writes 10 times, and no more.
        for (var i = 0; i < 10; i++)
        {
            var created = await client.PostJsonAsync("/api/v1/probe/notes", new { text = $"note {i}", priority = 1 });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            Assert.Equal("Guest", created.RateLimitPlan());
            Assert.Equal(99 - i, created.RateLimitRemaining());
        }

        var refused = await client.PostJsonAsync("/api/v1/probe/notes", new { text = "one too many", priority = 1 });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(["RATE_LIMIT_EXCEEDED"], (await refused.ReadErrorAsync()).ErrorCodes());
        Assert.Equal("Guest", refused.RateLimitPlan());
        Assert.Equal(100, refused.RateLimit());
        Assert.Equal(0, refused.RateLimitRemaining());
        Assert.Equal(36, refused.RetryAfter());
        Assert.Equal(TwentyPastTen.ToUnixTimeSeconds() + refused.RetryAfter(), refused.RateLimitReset());

        // And reads go on while the guest waits.
        var read = await client.GetAsync(Url("/api/docs/"));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(179, read.RateLimitRemaining());
    }

    [Fact]
    public async Task Reads_past_the_configured_burst_get_a_429_whose_headers_agree_and_guest_requests_keep_their_own_budget()
    {
        var host = Start(new()
        {
            ["RateLimiting:Plans:AnonymousReads:Limit"] = "6",
            ["RateLimiting:Plans:AnonymousReads:Burst"] = "3",
            ["RateLimiting:Plans:AnonymousReads:Window"] = "00:01:00",
        });
        var client = host.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            var allowed = await client.GetAsync(Url("/api/docs/"));
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
            Assert.Equal(6, allowed.RateLimit());
            Assert.Equal(5 - i, allowed.RateLimitRemaining());
        }

        var refused = await client.GetAsync(Url("/openapi/probe.json"));

        // 6 a minute refills one every 10 s: Remaining 0 until Reset, which is Retry-After from now.
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var error = await refused.ReadErrorAsync();
        Assert.Equal(["RATE_LIMIT_EXCEEDED"], error.ErrorCodes());
        Assert.Equal("AnonymousReads", refused.RateLimitPlan());
        Assert.Equal(6, refused.RateLimit());
        Assert.Equal(0, refused.RateLimitRemaining());
        Assert.Equal(10, refused.RetryAfter());
        Assert.Equal(10, error.GetProperty("retryAfter").GetInt32());
        Assert.Equal(TwentyPastTen.AddSeconds(10).ToUnixTimeSeconds(), refused.RateLimitReset());

        var guest = await client.GetAsync(Url($"/api/v1/probe/notes/{Guid.NewGuid()}"));
        Assert.Equal(HttpStatusCode.NotFound, guest.StatusCode);
        Assert.Equal("Guest", guest.RateLimitPlan());
        Assert.Equal(99, guest.RateLimitRemaining());

        host.Clock.Advance(TimeSpan.FromSeconds(10));
        var retried = await client.GetAsync(Url("/openapi/probe.json"));
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(2, retried.RateLimitRemaining());
    }

    [Fact]
    public async Task Reads_are_counted_per_address_and_signed_in_readers_keep_their_own_plan()
    {
        var client = Start(new() { ["RateLimiting:Plans:AnonymousReads:Burst"] = "2" }).CreateClient();

        var first = await ReadDocsAsync(client, "203.0.113.20");
        var second = await ReadDocsAsync(client, "203.0.113.20");
        var refused = await ReadDocsAsync(client, "203.0.113.20");
        var otherAddress = await ReadDocsAsync(client, "203.0.113.21");
        var customer = await ReadDocsAsync(client, "203.0.113.20", _issuer.UserToken("reader-1", "Customer"));

        Assert.Equal([299, 298], new[] { first, second }.Select(r => r.RateLimitRemaining()));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherAddress.StatusCode);
        Assert.Equal(299, otherAddress.RateLimitRemaining());
        Assert.Equal(HttpStatusCode.OK, customer.StatusCode);
        Assert.Equal("Customer", customer.RateLimitPlan());
        Assert.Equal(999, customer.RateLimitRemaining());
    }

    private RateLimitedHost Start(Dictionary<string, string?>? settings = null)
    {
        Dictionary<string, string?> all = new(_issuer.Settings) { ["RateLimiting:Store"] = store };
        if (_keys is not null)
        {
            all["RateLimiting:Redis:ConnectionString"] = TestInfrastructure.Redis;
            all["RateLimiting:Redis:KeyPrefix"] = _keys.Prefix;
        }

        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        var host = new RateLimitedHost(TwentyPastTen, all);
        _hosts.Add(host);
        return host;
    }

    private static Uri Url(string path) => new(path, UriKind.Relative);

    private static Task<HttpResponseMessage> ReadDocsAsync(HttpClient client, string forwardedFor, string? token = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Url("/openapi/probe.json"));
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client.SendAsync(request);
    }
}

/// <summary>The AnonymousReads plan on the in-memory store.</summary>
public sealed class MemoryAnonymousReadsTests() : AnonymousReadsTests(RateLimitStores.Memory);

/// <summary>The AnonymousReads plan on the Redis store (the test Redis).</summary>
public sealed class RedisAnonymousReadsTests() : AnonymousReadsTests(RateLimitStores.Redis);
