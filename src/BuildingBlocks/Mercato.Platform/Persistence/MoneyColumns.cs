using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Mercato.Platform.Persistence;

/// <summary>
/// Money stored as whole cents in integer columns on every provider (SQLite has no decimal type),
/// so filters, sums and conditional updates compare exact numbers; code always sees
/// <see cref="decimal"/>. Values are rounded half away from zero to cents on the way in.
/// </summary>
public static class MoneyColumns
{
    /// <summary>A required amount as cents.</summary>
    public static readonly ValueConverter<decimal, long> Cents =
        new(v => (long)decimal.Round(v * 100m, 0, MidpointRounding.AwayFromZero), v => v / 100m);

    /// <summary>An optional amount as cents.</summary>
    public static readonly ValueConverter<decimal?, long?> NullableCents =
        new(v => v == null ? null : (long)decimal.Round(v.Value * 100m, 0, MidpointRounding.AwayFromZero), v => v == null ? null : v.Value / 100m);
}
