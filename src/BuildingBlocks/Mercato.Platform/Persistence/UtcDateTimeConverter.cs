using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Mercato.Platform.Persistence;

/// <summary>
/// Stores every <see cref="DateTime"/> as UTC and reads it back as UTC. SQLite keeps no kind, so
/// without this a value read back is <see cref="DateTimeKind.Unspecified"/> and would be
/// serialized without its <c>Z</c>. Part of <see cref="UtcTimestampConvention"/>.
/// </summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
