using System.Threading.Channels;

namespace Mercato.Catalog.Search.Index;

/// <summary>
/// Tells the index that this process just changed products (see <see cref="CatalogWriteInterceptor"/>),
/// so that the change feed runs at once instead of at its next interval. Signals coalesce.
/// </summary>
internal sealed class CatalogWrites
{
    private readonly Channel<bool> _signals = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    /// <summary>Products changed (committed).</summary>
    public void Signal() => _signals.Writer.TryWrite(true);

    /// <summary>Waits for a signal or for <paramref name="interval"/>, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(interval);
        try
        {
            if (await _signals.Reader.WaitToReadAsync(timeout.Token))
            {
                _signals.Reader.TryRead(out _);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The interval passed without a write: poll anyway (another process may have written).
        }
    }
}
