using Microsoft.EntityFrameworkCore;

namespace Mercato.Platform.Persistence;

/// <summary>
/// The one way Mercato keeps timestamps in a database: every <see cref="DateTime"/> and
/// <see cref="DateTimeOffset"/> property (nullable or not) is stored and read back as UTC, on
/// SQLite and PostgreSQL alike, so an answer built from a stored value always ends in <c>Z</c>.
/// Every module's DbContext calls <see cref="UseUtcTimestamps"/> from its
/// <c>ConfigureConventions</c>; nothing else converts kinds.
/// </summary>
public static class UtcTimestampConvention
{
    /// <summary>Applies the convention to the whole model.</summary>
    public static ModelConfigurationBuilder UseUtcTimestamps(this ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetColumnConverter>();
        return configurationBuilder;
    }
}
