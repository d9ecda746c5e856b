using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Mercato.Platform.Persistence;

/// <summary>
/// Tells a lost race from a real failure: a write that failed because another write got in first
/// (an optimistic concurrency token changed, or a unique key was taken meanwhile) on SQLite or
/// PostgreSQL. Anything else (a check constraint, a missing row, a broken connection) is not one.
/// </summary>
public static class WriteConflicts
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    /// <summary>Whether <paramref name="exception"/> is a lost race that a fresh attempt may win.</summary>
    public static bool IsConflict(Exception exception) =>
        exception is DbUpdateConcurrencyException || (exception is DbUpdateException update && IsUniqueViolation(update));

    /// <summary>Whether <paramref name="exception"/> is a unique-key (or primary-key) violation.</summary>
    public static bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint
            && sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
