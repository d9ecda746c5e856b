using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Mercato.Platform.Persistence;

/// <summary>
/// A unit of work that either owns a new transaction or joins the one already open on the
/// context (an event handler runs inside the inbox's transaction, which commits the handler's
/// changes together with the inbox record). Committing a joined unit leaves the commit to its owner;
/// disposing an uncommitted owned one rolls it back.
/// </summary>
public sealed class JoinedTransaction : IAsyncDisposable
{
    private readonly IDbContextTransaction? _owned;

    private JoinedTransaction(IDbContextTransaction? owned) => _owned = owned;

    /// <summary>Whether this unit joined a transaction opened by someone else.</summary>
    public bool Joined => _owned is null;

    /// <summary>Joins the context's open transaction, or begins one owned by the caller.</summary>
    public static async Task<JoinedTransaction> BeginAsync(DbContext context, CancellationToken cancellationToken)
        => new(context.Database.CurrentTransaction is null ? await context.Database.BeginTransactionAsync(cancellationToken) : null);

    /// <summary>Commits an owned transaction; a joined one is committed by its owner.</summary>
    public Task CommitAsync(CancellationToken cancellationToken)
        => _owned?.CommitAsync(cancellationToken) ?? Task.CompletedTask;

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _owned?.DisposeAsync() ?? ValueTask.CompletedTask;
}
