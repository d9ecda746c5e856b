using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Mercato.Platform.Persistence;

/// <summary>
/// Stores every <see cref="DateTimeOffset"/> at offset zero and reads it back at offset zero, so a
/// value written with a local offset is never kept (or returned) with it. Part of
/// <see cref="UtcTimestampConvention"/>.
/// </summary>
public sealed class UtcDateTimeOffsetColumnConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
    value => value.ToUniversalTime(),
    value => value.ToUniversalTime());
