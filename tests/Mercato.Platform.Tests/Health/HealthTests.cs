using System.Net;
using System.Text.Json;
using Mercato.Testing;

namespace Mercato.Platform.Tests.Health;

/// <summary>
/// <c>/health/live</c> says the process answers; <c>/health/ready</c> says its databases answer,
/// with 503 while one does not, so a load balancer stops routing to it.
/// </summary>
public sealed class HealthTests
{
    [Fact]
    public async Task Live_answers_200_without_running_dependency_checks()
    {
        await using var factory = new TestHostFactory();
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.ReadJsonAsync();
        Assert.True(json.GetProperty("success").GetBoolean());
        Assert.Equal("Healthy", json.GetProperty("data").GetProperty("status").GetString());
        Assert.Equal(0, json.GetProperty("data").GetProperty("checks").GetArrayLength());
    }

    [Fact]
    public async Task Ready_answers_200_listing_each_module_database()
    {
        await using var factory = new TestHostFactory();
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.ReadJsonAsync();
        Assert.True(json.GetProperty("success").GetBoolean());
        var checks = Checks(json);
        Assert.Equal("Healthy", checks["db-probe"]);
        Assert.Equal("Healthy", checks["db-audit"]);
        Assert.EndsWith("Z", json.GetProperty("timestamp").GetString(), StringComparison.Ordinal);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ready_answers_503_naming_the_database_that_cannot_be_reached()
    {
        // A PostgreSQL server that is not there: every connection attempt is refused.
        var closedPort = FreePort.Next();
        await using var factory = new TestHostFactory();
        factory.Settings["Persistence:Provider"] = "postgres";
        factory.Settings["Persistence:Postgres"] = $"Host=127.0.0.1;Port={closedPort};Username=mercato;Password=unused;Timeout=5";
        factory.Settings["Persistence:MigrateOnStart"] = "false";
        using var client = factory.CreateClient();

        var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var json = await ready.ReadJsonAsync();
        Assert.False(json.GetProperty("success").GetBoolean());
        Assert.Equal("Unhealthy", json.GetProperty("data").GetProperty("status").GetString());
        var checks = Checks(json);
        Assert.Equal("Unhealthy", checks["db-probe"]);
        Assert.Equal("Unhealthy", checks["db-audit"]);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    private static Dictionary<string, string> Checks(JsonElement json) =>
        json.GetProperty("data").GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString()!);
}
