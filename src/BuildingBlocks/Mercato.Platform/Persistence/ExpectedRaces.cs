using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Mercato.Platform.Persistence;

/// <summary>
/// Keeps races that the code handles out of the error log. EF Core logs every failed
/// <c>SaveChanges</c> (<c>Microsoft.EntityFrameworkCore.Update</c>) and every failed command
/// (<c>Microsoft.EntityFrameworkCore.Database.Command</c>) at Error, including the unique-key hits
/// and concurrency-token misses that Mercato expects and resolves (a replayed idempotency key, two
/// writes to one cart, two checkouts of one cart version). Those two events are logged at Debug
/// instead; a failure the code does not handle still reaches the error log once, where it
/// surfaces (the request's exception handler, a job's failed round, the start-up migration).
/// </summary>
public static class ExpectedRaces
{
    /// <summary>Logs EF Core's failed-save and failed-command events at Debug.</summary>
    public static void LogQuietly(WarningsConfigurationBuilder warnings)
    {
        ArgumentNullException.ThrowIfNull(warnings);
        warnings.Log(
            (CoreEventId.SaveChangesFailed, LogLevel.Debug),
            (RelationalEventId.CommandError, LogLevel.Debug));
    }
}
