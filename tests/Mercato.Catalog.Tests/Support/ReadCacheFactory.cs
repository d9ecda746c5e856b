using System.Data.Common;
using Mercato.Catalog.Data;
using Mercato.Catalog.Search.Index;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Catalog.Tests.Support;

/// <summary>
/// A Catalog host for the read cache tests (service clients as <see cref="StockFactory"/>) that
/// counts the statements reading what catalog answers show (products, categories, reviews), so a
/// test can tell an answer served from the cache from one read from the database.
/// </summary>
public class ReadCacheFactory : StockFactory
{
    /// <summary>Creates a host on SQLite.</summary>
    public ReadCacheFactory()
        : this(postgres: false)
    {
    }

    /// <summary>Creates a host on SQLite or PostgreSQL.</summary>
    protected ReadCacheFactory(bool postgres)
        : base(postgres)
    {
    }

    /// <summary>How many statements touching products, categories or reviews ran so far.</summary>
    public int CatalogStatements => _counter.Count;

    /// <summary>Of <see cref="CatalogStatements"/>, those counting rows (<c>SELECT COUNT(…)</c>).</summary>
    public int CatalogCounts => _counter.Counts;

    private readonly CatalogStatementCounter _counter = new();

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.ConfigureDbContext<CatalogSqliteDbContext>(o => o.AddInterceptors(_counter));
            services.ConfigureDbContext<CatalogPostgresDbContext>(o => o.AddInterceptors(_counter));
        });
    }

    private sealed class CatalogStatementCounter : DbCommandInterceptor
    {
        private int _count;
        private int _counts;

        public int Count => Volatile.Read(ref _count);

        public int Counts => Volatile.Read(ref _counts);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Counted(command);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Counted(command);
            return ValueTask.FromResult(result);
        }

        private void Counted(DbCommand command)
        {
            var text = command.CommandText;
            if (text.Contains(ProductSearchIndexer.ChangeFeedTag, StringComparison.Ordinal))
            {
                // The search index's background reads, not a request's.
                return;
            }

            if (text.Contains("catalog_products", StringComparison.Ordinal) || text.Contains("catalog_categories", StringComparison.Ordinal)
                || text.Contains("catalog_reviews", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _count);
                if (text.StartsWith("SELECT COUNT(", StringComparison.OrdinalIgnoreCase))
                {
                    Interlocked.Increment(ref _counts);
                }
            }
        }
    }
}

/// <summary>The read cache host on PostgreSQL.</summary>
public sealed class PostgresReadCacheFactory() : ReadCacheFactory(postgres: true);
