using System.Reflection;
using Mercato.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Architecture.Tests;

/// <summary>A concern that every module shares is solved once, in the platform, and every module uses that one way.</summary>
public sealed class OneWayPerConcernTests
{
    private static IEnumerable<Assembly> ShippedAndModuleAssemblies =>
        ModuleCatalog.BuildingBlocks.Concat(ModuleCatalog.Projects.Select(p => p.ProjectName)).Distinct().Select(ModuleCatalog.Load);

    /// <summary>Every concrete module DbContext (each provider flavour).</summary>
    public static TheoryData<string> ModuleDbContexts()
    {
        var data = new TheoryData<string>();
        foreach (var type in ModuleCatalog.Projects.Where(p => !p.IsContracts)
                     .SelectMany(p => ModuleCatalog.Load(p.ProjectName).GetTypes())
                     .Where(t => typeof(DbContext).IsAssignableFrom(t) && !t.IsAbstract && t.Name.Contains("Sqlite", StringComparison.Ordinal)))
        {
            data.Add(type.AssemblyQualifiedName!);
        }

        return data;
    }

    [Fact]
    public void Every_module_with_a_database_is_checked()
    {
        var checkedModules = ModuleDbContexts().Select(row => Type.GetType(row.Data)!.Assembly.GetName().Name).ToHashSet();
        Assert.Superset(new HashSet<string?> { "Mercato.Identity", "Mercato.Catalog", "Mercato.Cart", "Mercato.Ordering", "Mercato.Probe", "Mercato.Audit" }, checkedModules);
    }

    [Theory]
    [MemberData(nameof(ModuleDbContexts))]
    public void Every_timestamp_column_of_every_module_is_stored_and_read_as_utc(string contextType)
    {
        var type = Type.GetType(contextType, throwOnError: true)!;
        using var context = (DbContext)Activator.CreateInstance(type, BuildSqliteOptions(type))!;

        var timestamps = context.Model.GetEntityTypes()
            .SelectMany(e => e.GetProperties().Select(p => (Entity: e.DisplayName(), Property: p)))
            .Where(x => IsTimestamp(x.Property.ClrType))
            .ToList();

        Assert.NotEmpty(timestamps);
        var unconverted = timestamps
            .Where(x => x.Property.GetValueConverter() is not (UtcDateTimeConverter or UtcDateTimeOffsetColumnConverter))
            .Select(x => $"{x.Entity}.{x.Property.Name}")
            .ToList();
        Assert.True(unconverted.Count == 0, $"{type.Name} does not apply UseUtcTimestamps() to: " + string.Join(", ", unconverted));
    }

    [Fact]
    public void The_cart_key_header_is_defined_once()
    {
        var definitions = ShippedAndModuleAssemblies
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string)
                        && string.Equals((string?)f.GetRawConstantValue(), "X-Cart-Key", StringComparison.OrdinalIgnoreCase))
            .Select(f => $"{f.DeclaringType!.FullName}.{f.Name}")
            .ToList();

        Assert.Equal(["Mercato.Platform.Http.CartKeyHeader.Name"], definitions);
    }

    [Fact]
    public void Every_background_loop_outside_messaging_is_a_periodic_job()
    {
        // Mercato.Messaging's relay and consumers are message pumps with their own backoff, not
        // timers; so is the log shipper, which drains its bounded buffer as records arrive.
        var loops = ShippedAndModuleAssemblies
            .Where(a => a.GetName().Name is not ("Mercato.Messaging" or "Mercato.Logs.Client"))
            .SelectMany(a => a.GetTypes())
            .Where(t => !t.IsAbstract && typeof(Microsoft.Extensions.Hosting.BackgroundService).IsAssignableFrom(t))
            .ToList();

        Assert.Contains(loops, t => t.Name.StartsWith("IdempotencySweeper", StringComparison.Ordinal));
        var handRolled = loops.Where(t => !typeof(Mercato.Platform.Hosting.PeriodicJob).IsAssignableFrom(t)).Select(t => t.FullName).ToList();
        Assert.True(handRolled.Count == 0, "Use PeriodicJob instead of a hand-written loop in: " + string.Join(", ", handRolled));
    }

    private static bool IsTimestamp(Type clrType)
        => (Nullable.GetUnderlyingType(clrType) ?? clrType) is var type && (type == typeof(DateTime) || type == typeof(DateTimeOffset));

    private static DbContextOptions BuildSqliteOptions(Type contextType)
    {
        var builder = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(contextType))!;
        return builder.UseSqlite("Data Source=:memory:").Options;
    }
}
