using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Mercato.Platform.Persistence;

/// <summary>Base for a module's design-time factory of its SQLite context (used by <c>dotnet ef</c>).</summary>
/// <typeparam name="T">The SQLite-flavoured context.</typeparam>
public abstract class SqliteDesignTimeFactory<T> : IDesignTimeDbContextFactory<T>
    where T : DbContext
{
    /// <inheritdoc />
    public T CreateDbContext(string[] args) =>
        (T)Activator.CreateInstance(typeof(T), new DbContextOptionsBuilder<T>().UseSqlite("Data Source=design-time.db").Options)!;
}

/// <summary>Base for a module's design-time factory of its PostgreSQL context (used by <c>dotnet ef</c>).</summary>
/// <typeparam name="T">The PostgreSQL-flavoured context.</typeparam>
public abstract class PostgresDesignTimeFactory<T> : IDesignTimeDbContextFactory<T>
    where T : DbContext
{
    /// <inheritdoc />
    public T CreateDbContext(string[] args) =>
        (T)Activator.CreateInstance(typeof(T), new DbContextOptionsBuilder<T>().UseNpgsql("Host=localhost;Database=design_time").Options)!;
}
