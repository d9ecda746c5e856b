using Mercato.Catalog.Data;
using Mercato.Catalog.Search.Index;
using Mercato.Platform.Hosting;
using Mercato.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mercato.Catalog.Search;

/// <summary>Registers the search engine chosen by <c>Catalog:Search:Engine</c>.</summary>
internal static class SearchSetup
{
    /// <summary>The index's folder under <c>Persistence:DataDirectory</c>.</summary>
    public static readonly string IndexFolder = Path.Combine("search", "catalog");

    /// <summary>Registers search: the database engine, and with <c>lucene</c> the index, its feed and the write signal.</summary>
    public static IHostApplicationBuilder AddProductSearch(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<SearchOptions>(SearchOptions.Section);
        var options = builder.Configuration.ReadValidated<SearchOptions>(SearchOptions.Section);
        builder.Services.AddScoped<DatabaseSearchEngine>();
        if (!options.UsesLucene)
        {
            builder.Services.AddScoped<IProductSearchEngine>(sp => sp.GetRequiredService<DatabaseSearchEngine>());
            return builder;
        }

        var persistence = builder.Configuration.ReadValidated<PersistenceOptions>(PersistenceOptions.Section);
        var root = Path.GetFullPath(Path.Combine(persistence.DataDirectory, IndexFolder));
        builder.Services.AddSingleton<CatalogWriteInterceptor>();
        builder.Services.ConfigureDbContext<CatalogSqliteDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<CatalogWriteInterceptor>()), ServiceLifetime.Singleton);
        builder.Services.ConfigureDbContext<CatalogPostgresDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<CatalogWriteInterceptor>()), ServiceLifetime.Singleton);
        builder.Services.AddSingleton(sp => new ProductSearchIndexer(
            root, options.RefreshInterval, sp.GetRequiredService<IServiceScopeFactory>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<ProductSearchIndexer>>()));
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ProductSearchIndexer>());
        builder.Services.AddScoped<IProductSearchEngine, LuceneSearchEngine>();
        return builder;
    }
}
