using System.Net;
using Mercato.Testing;

namespace Mercato.Platform.Tests.RateLimiting;

/// <summary>
/// The Redis store across real server processes: one budget shared by all of them, an outage that
/// fails open, and a gateway that leaves limiting to the services behind it.
/// </summary>
public sealed class SharedBudgetTests
{
    [Fact]
    public async Task Two_processes_on_one_redis_share_one_budget_and_report_the_same_remaining_count()
    {
        await using var keys = await RedisTestKeys.CreateAsync();
        var settings = RedisSettings(TestInfrastructure.Redis, keys.Prefix);
        // One token a day instead of one every 36 s, so nothing refills on however slow a machine.
        settings["RateLimiting:Plans:Guest:Window"] = "1.00:00:00";
        await using var a = await MercatoProcess.StartAsync(RepoPaths.TestHostDll, settings);
        await using var b = await MercatoProcess.StartAsync(RepoPaths.TestHostDll, settings);

        // Alternating: 6 requests to A and 5 to B, against one Guest burst of 10.
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 11; i++)
        {
            var server = i % 2 == 0 ? a : b;
            responses.Add(await server.Client.PostJsonAsync("/api/v1/probe/notes", new { text = $"note {i}", priority = 1 }));
        }

        var refusedByB = await b.Client.PostJsonAsync("/api/v1/probe/notes", new { text = "also too many", priority = 1 });

        Assert.Equal([.. Enumerable.Repeat(201, 10), 429], responses.Select(r => (int)r.StatusCode));
        Assert.Equal([99, 98, 97, 96, 95, 94, 93, 92, 91, 90, 0], responses.Select(r => r.RateLimitRemaining()));
        Assert.Single(responses.Take(10).Select(r => r.RateLimitReset()).Distinct());
        Assert.Equal(0, refusedByB.RateLimitRemaining());
        Assert.Equal(HttpStatusCode.TooManyRequests, refusedByB.StatusCode);
        var refused = responses[^1];
        var error = await refused.ReadErrorAsync();
        Assert.Equal(["RATE_LIMIT_EXCEEDED"], error.ErrorCodes());
        Assert.Equal(refused.RetryAfter(), error.GetProperty("retryAfter").GetInt32());
        Assert.InRange(refused.RetryAfter(), 1, 864);
        foreach (var refusal in new[] { refused, refusedByB })
        {
            // Reset is when the retry can succeed: Retry-After seconds after the response's Date,
            // give or take the rounding up of both to whole seconds and Kestrel's once-a-second Date.
            var sentAt = refusal.Headers.Date!.Value.ToUnixTimeSeconds();
            Assert.InRange(refusal.RateLimitReset() - sentAt - refusal.RetryAfter(), 0, 2);
        }

        foreach (var server in new[] { a, b })
        {
            var ready = await server.Client.GetAsync(new Uri("/health/ready", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.Equal("Healthy", CheckStatus(await ready.ReadJsonAsync(), "redis-ratelimit"));
        }
    }

    [Fact]
    public async Task With_redis_unreachable_requests_pass_a_warning_is_logged_and_readiness_fails()
    {
        var settings = RedisSettings($"127.0.0.1:{FreePort.Next()},connectTimeout=1000", "unreachable:");
        settings["RateLimiting:Plans:Guest:Burst"] = "2";
        await using var server = await MercatoProcess.StartAsync(RepoPaths.TestHostDll, settings);

        for (var i = 0; i < 5; i++)
        {
            var created = await server.Client.PostJsonAsync("/api/v1/probe/notes", new { text = $"note {i}", priority = 1 });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            Assert.Equal(100, created.RateLimit());
            Assert.False(created.Headers.Contains("X-RateLimit-Remaining"));
        }

        var ready = await server.Client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", CheckStatus(await ready.ReadJsonAsync(), "redis-ratelimit"));
        await MercatoProcess.EventuallyAsync(
            () => Task.FromResult(server.Output.Any(line => line.Contains("Rate-limit store Redis is unavailable", StringComparison.Ordinal))),
            logged => logged,
            TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task The_gateway_does_not_limit_unless_configuration_turns_it_on()
    {
        string[] gateway = ["--services", "gateway"];
        await using var plain = await MercatoProcess.StartAsync(RepoPaths.ServerDll, new Dictionary<string, string?>(), arguments: gateway);
        await using var limiting = await MercatoProcess.StartAsync(
            RepoPaths.ServerDll, new Dictionary<string, string?> { ["RateLimiting:Enabled"] = "true" }, arguments: gateway);

        for (var i = 0; i < 15; i++)
        {
            var response = await plain.Client.GetAsync(new Uri("/api/v1/products", UriKind.Relative));
            Assert.NotEqual(HttpStatusCode.TooManyRequests, response.StatusCode);
            Assert.False(response.HasRateLimitHeaders());
        }

        var limited = await limiting.Client.GetAsync(new Uri("/api/v1/products", UriKind.Relative));
        Assert.Equal(100, limited.RateLimit());
        Assert.Equal(99, limited.RateLimitRemaining());
    }

    private static Dictionary<string, string?> RedisSettings(string connectionString, string prefix) => new()
    {
        ["RateLimiting:Enabled"] = "true",
        ["RateLimiting:Store"] = "redis",
        ["RateLimiting:Redis:ConnectionString"] = connectionString,
        ["RateLimiting:Redis:KeyPrefix"] = prefix,
    };

    private static string? CheckStatus(System.Text.Json.JsonElement health, string name) =>
        health.GetProperty("data").GetProperty("checks").EnumerateArray()
            .Single(c => c.GetProperty("name").GetString() == name)
            .GetProperty("status").GetString();
}
