namespace Mercato.Messaging.RabbitMq;

/// <summary>
/// Counts deliveries being handled, so shutdown can stop taking new ones and wait for those
/// in flight to commit (or fail) before it closes the channels.
/// </summary>
internal sealed class InFlightDeliveries
{
    private readonly Lock _lock = new();
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _count;
    private bool _draining;

    /// <summary>Registers a delivery; false once draining has begun (the delivery is left to return to its queue).</summary>
    public bool TryEnter()
    {
        lock (_lock)
        {
            if (_draining)
            {
                return false;
            }

            _count++;
            return true;
        }
    }

    /// <summary>Marks a delivery finished.</summary>
    public void Exit()
    {
        lock (_lock)
        {
            _count--;
            if (_draining && _count == 0)
            {
                _drained.TrySetResult();
            }
        }
    }

    /// <summary>Refuses new deliveries and waits until the ones in flight have finished.</summary>
    public Task DrainAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _draining = true;
            if (_count == 0)
            {
                _drained.TrySetResult();
            }
        }

        return _drained.Task.WaitAsync(cancellationToken);
    }
}
