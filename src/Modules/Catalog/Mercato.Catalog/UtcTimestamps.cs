namespace Mercato.Catalog;

/// <summary>
/// Stored timestamps are UTC, but SQLite hands them back without a kind; responses mark them UTC
/// so that they are written with a <c>Z</c> on every provider.
/// </summary>
internal static class UtcTimestamps
{
    /// <summary><paramref name="value"/>, marked UTC.</summary>
    public static DateTime AsUtc(this DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
