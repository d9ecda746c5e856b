using System.Data.Common;

namespace Mercato.Platform.Persistence;

/// <summary>
/// Recognises a database that is unavailable for a moment: a <see cref="DbException"/> its
/// provider calls transient (<see cref="DbException.IsTransient"/>; Npgsql's list covers refused and
/// broken connections, too many clients, a server starting or shutting down, serialization failures
/// and deadlocks), wherever it sits in an exception's chain (EF Core wraps it).
/// </summary>
public static class TransientDatabaseErrors
{
    /// <summary>The transient database error in <paramref name="exception"/>'s chain, or null.</summary>
    public static DbException? Find(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is DbException { IsTransient: true } database)
            {
                return database;
            }
        }

        return null;
    }
}
