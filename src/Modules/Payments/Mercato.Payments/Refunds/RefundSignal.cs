namespace Mercato.Payments.Refunds;

/// <summary>Wakes the <see cref="RefundDispatcher"/> when a refund was recorded to be sent.</summary>
internal sealed class RefundSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    /// <summary>Says there may be refunds to send.</summary>
    public void Notify()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: the dispatcher will look once for all of them.
        }
    }

    /// <summary>Waits for a signal, or for <paramref name="timeout"/> (real time), whichever comes first.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);

    /// <inheritdoc />
    public void Dispose() => _signal.Dispose();
}
