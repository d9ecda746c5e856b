using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Mercato.Platform.Persistence;

/// <summary>
/// A DbContext's connection kept open for a few statements, then closed again: EF Core opens and
/// closes the connection around each statement otherwise, taking it from the pool each time (on
/// SQLite each open also sets the connection up). Close it where the statements end
/// (<c>await using</c>): an explicit open left to the pooled context's reset stays counted as open
/// into the context's next use, so that use's statements and saves no longer close the connection
/// when they end.
/// </summary>
public sealed class HeldConnection : IAsyncDisposable
{
    private readonly DatabaseFacade _database;

    private HeldConnection(DatabaseFacade database) => _database = database;

    /// <summary>Opens <paramref name="database"/>'s connection until the returned value is disposed.</summary>
    public static async Task<HeldConnection> OpenAsync(DatabaseFacade database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        await database.OpenConnectionAsync(cancellationToken);
        return new HeldConnection(database);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await _database.CloseConnectionAsync();
}
