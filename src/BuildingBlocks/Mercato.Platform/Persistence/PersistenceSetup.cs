using Mercato.Platform.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Mercato.Platform.Persistence;

/// <summary>Registers a module's DbContext on the configured provider.</summary>
public static class PersistenceSetup
{
    /// <summary>
    /// Registers <typeparamref name="TContext"/> for the module, implemented by
    /// <typeparamref name="TSqlite"/> or <typeparamref name="TPostgres"/> (each carries its own
    /// migrations) depending on <c>Persistence:Provider</c>. The context is scoped; its options are
    /// built once (a singleton), not for every context: what configures them (the interceptors,
    /// <c>ConfigureDbContext</c> with <see cref="ServiceLifetime.Singleton"/>) must be singletons.
    /// </summary>
    public static IHostApplicationBuilder AddModuleDbContext<TContext, TSqlite, TPostgres>(
        this IHostApplicationBuilder builder, string module)
        where TContext : DbContext
        where TSqlite : TContext
        where TPostgres : TContext
    {
        var database = Resolve(builder.Configuration, module, typeof(TContext));
        if (database.Provider == DatabaseProvider.Postgres)
        {
            builder.Services.AddDbContextPool<TContext, TPostgres>(
                (services, o) => ApplyModuleConfigurations<TContext>(services, o.UseNpgsql(database.ConnectionString).ConfigureWarnings(ExpectedRaces.LogQuietly)));
        }
        else
        {
            builder.Services.TryAddSingleton<SqliteSerialWrites>();
            builder.Services.AddDbContextPool<TContext, TSqlite>(
                (services, o) => ApplyModuleConfigurations<TContext>(services, o.UseSqlite(database.ConnectionString)
                    .ConfigureWarnings(ExpectedRaces.LogQuietly)
                    .AddInterceptors(services.GetRequiredService<SqliteSerialWrites>())));
        }

        builder.Services.AddSingleton(database);
        builder.Services.TryAddSingleton<ConcurrentWrites>();
        builder.Services.AddHealthChecks().AddDbContextCheck<TContext>($"db-{module}", tags: [HealthTags.Ready]);
        return builder;
    }

    /// <summary>
    /// Applies what other parts registered with <c>ConfigureDbContext&lt;TContext&gt;</c> for the
    /// module's context type (for example the outbox's signal interceptor). EF Core builds the
    /// options of the implementation type (<c>TSqlite</c> / <c>TPostgres</c>) only from that type's
    /// own configurations, so without this they were silently never applied.
    /// </summary>
    private static void ApplyModuleConfigurations<TContext>(IServiceProvider services, DbContextOptionsBuilder options)
        where TContext : DbContext
    {
        foreach (var configuration in services.GetServices<IDbContextOptionsConfiguration<TContext>>())
        {
            configuration.Configure(services, options);
        }
    }

    /// <summary>Works out a module's provider and connection string from configuration.</summary>
    public static ModuleDatabase Resolve(IConfiguration configuration, string module, Type contextType)
    {
        var options = configuration.ReadValidated<PersistenceOptions>(PersistenceOptions.Section);
        var provider = options.ResolvedProvider!;

        var explicitConnection = configuration.GetConnectionString(module);
        if (!string.IsNullOrWhiteSpace(explicitConnection))
        {
            if (provider != DatabaseProvider.Postgres)
            {
                return new ModuleDatabase(module, contextType, provider, explicitConnection);
            }

            try
            {
                return new ModuleDatabase(module, contextType, provider, PostgresConnectionDefaults.Apply(explicitConnection));
            }
            catch (ArgumentException ex)
            {
                throw new InvalidConfigurationException($"ConnectionStrings:{module} is not a valid PostgreSQL connection string: {ex.Message}");
            }
        }

        if (provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(options.Postgres))
            {
                throw new InvalidConfigurationException(
                    $"Persistence:Provider is 'postgres' but neither Persistence:Postgres nor ConnectionStrings:{module} is set.");
            }

            var csb = new NpgsqlConnectionStringBuilder(options.Postgres) { Database = options.DatabasePrefix + module };
            return new ModuleDatabase(module, contextType, provider, PostgresConnectionDefaults.Apply(csb.ConnectionString));
        }

        var file = Path.GetFullPath(Path.Combine(options.DataDirectory, module + ".db"));
        return new ModuleDatabase(module, contextType, provider, $"Data Source={file};Default Timeout=30;Pooling=True");
    }
}
