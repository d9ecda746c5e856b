namespace Mercato.Identity.Tests.Support;

/// <summary>A second Identity host on the first one's database: a restart, or another replica.</summary>
public static class SharedStore
{
    /// <summary>
    /// A new, unstarted host of the same kind that uses <paramref name="first"/>'s SQLite folder or
    /// PostgreSQL databases. Dispose it before <paramref name="first"/>, which owns the data.
    /// </summary>
    public static TFactory WithStoreOf<TFactory>(TFactory first)
        where TFactory : IdentityFactory, new()
    {
        var second = new TFactory();
        foreach (var (key, value) in first.Settings)
        {
            second.Settings[key] = value;
        }

        return second;
    }
}
