using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Mercato.Testing;

/// <summary>
/// A server hosting some modules in memory, on real SQLite files or on PostgreSQL databases of
/// its own (<see cref="MercatoFactory{TEntryPoint}.UsePostgres"/>, dropped on dispose), with rate limiting off and a fake clock the modules read. The
/// clock starts at the real time and only moves when a test advances it; the bearer handler
/// still validates tokens with the real clock, so keep steps within its 30-second skew in a
/// fixture that issues tokens afterwards.
/// </summary>
/// <typeparam name="TEntryPoint">The executable's Program.</typeparam>
public class ModuleHostFactory<TEntryPoint> : MercatoFactory<TEntryPoint>
    where TEntryPoint : class
{
    /// <summary>Creates a host for <paramref name="services"/>.</summary>
    /// <param name="services">The <c>--services</c> value, e.g. <c>identity,catalog</c>.</param>
    /// <param name="postgres">Whether to use PostgreSQL instead of SQLite.</param>
    /// <param name="databasePrefix">Prefix of the unique PostgreSQL database names.</param>
    protected ModuleHostFactory(string services, bool postgres, string databasePrefix)
    {
        Settings["Mercato:Services"] = services;
        Settings["RateLimiting:Enabled"] = "false";
        if (postgres)
        {
            UsePostgres(databasePrefix);
        }
    }

    /// <summary>The clock the modules read.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
