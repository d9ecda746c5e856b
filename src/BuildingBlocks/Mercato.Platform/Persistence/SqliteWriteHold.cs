namespace Mercato.Platform.Persistence;

/// <summary>A taken <see cref="SqliteWriteLock"/> slot; releasing it more than once releases it once.</summary>
internal sealed class SqliteWriteHold(SqliteWriteLock writeLock)
{
    private int _released;
    private Action? _onRelease;

    /// <summary>Runs <paramref name="action"/> when the slot is given back, just before the next writer may take it.</summary>
    public void OnRelease(Action action) => _onRelease = action;

    /// <summary>Gives the slot back to the next writer (the first call only).</summary>
    public void Release()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            _onRelease?.Invoke();
            writeLock.Exit();
        }
    }
}
