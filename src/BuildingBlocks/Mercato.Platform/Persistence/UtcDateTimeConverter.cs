using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Mercato.Platform.Persistence;

/// <summary>
/// Reads every stored <see cref="DateTime"/> back as UTC. Mercato only ever writes UTC; SQLite
/// keeps no kind, so without this a value read back is <see cref="DateTimeKind.Unspecified"/>
/// and would be serialized without its <c>Z</c>. Apply it to a whole model with
/// <c>configurationBuilder.Properties&lt;DateTime&gt;().HaveConversion&lt;UtcDateTimeConverter&gt;()</c>.
/// </summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value,
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
