namespace Mercato.Messaging.Outbox;

/// <summary>
/// Wakes one module's relay when new outbox rows of <typeparamref name="TContext"/> are committed,
/// so it need not wait for the poll. One per producing context: a commit of one module must not
/// wake (and so use up the signal of) another module's relay.
/// </summary>
/// <typeparam name="TContext">The producing module's DbContext.</typeparam>
public sealed class OutboxSignal<TContext> : IDisposable
    where TContext : Microsoft.EntityFrameworkCore.DbContext
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    /// <summary>Signals that work may be waiting.</summary>
    public void Notify()
    {
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled.
            }
        }
    }

    /// <summary>Waits for a signal or the timeout, whichever comes first.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _signal.WaitAsync(timeout, cancellationToken);

    /// <inheritdoc />
    public void Dispose() => _signal.Dispose();
}
