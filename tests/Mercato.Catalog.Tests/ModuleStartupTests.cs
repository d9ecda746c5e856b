using System.Net;
using Mercato.Catalog.Data;
using Mercato.Catalog.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Catalog.Tests;

/// <summary>The Catalog starts next to Identity, with its schema applied, on one provider.</summary>
public abstract class ModuleStartupTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : CatalogFactory
{
    [Fact]
    public async Task The_catalog_database_is_migrated_and_reported_ready()
    {
        using var client = factory.CreateClient();

        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("db-catalog", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(0, await db.Products.CountAsync());
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteModuleStartupTests(CatalogFactory factory) : ModuleStartupTests<CatalogFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresModuleStartupTests(PostgresCatalogFactory factory) : ModuleStartupTests<PostgresCatalogFactory>(factory);
