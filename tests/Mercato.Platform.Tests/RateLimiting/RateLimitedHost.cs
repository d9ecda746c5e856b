using Mercato.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Mercato.Platform.Tests.RateLimiting;

/// <summary>
/// The TestHost in memory with rate limiting on (the TestHost turns it off by default) and a fake
/// clock, so budgets neither refill nor reset unless a test moves the clock.
/// </summary>
internal sealed class RateLimitedHost : IAsyncDisposable
{
    private readonly TestHostFactory _factory = new();
    private readonly WebApplicationFactory<Program> _host;

    public RateLimitedHost(DateTimeOffset start, IEnumerable<KeyValuePair<string, string?>>? settings = null)
    {
        Clock = new FakeTimeProvider(start);
        _factory.Settings["RateLimiting:Enabled"] = "true";
        foreach (var (key, value) in settings ?? [])
        {
            _factory.Settings[key] = value;
        }

        _host = _factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock)));
    }

    /// <summary>The clock the rate limiter reads.</summary>
    public FakeTimeProvider Clock { get; }

    /// <summary>The host's services.</summary>
    public IServiceProvider Services => _host.Services;

    /// <summary>A client of the host.</summary>
    public HttpClient CreateClient() => _host.CreateClient();

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _factory.DisposeAsync();
    }
}
