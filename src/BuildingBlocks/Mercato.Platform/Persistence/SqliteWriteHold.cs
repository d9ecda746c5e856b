namespace Mercato.Platform.Persistence;

/// <summary>A taken <see cref="SqliteWriteLock"/> slot; releasing it more than once releases it once.</summary>
internal sealed class SqliteWriteHold(SqliteWriteLock writeLock)
{
    private int _released;

    /// <summary>Gives the slot back to the next writer (the first call only).</summary>
    public void Release()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            writeLock.Exit();
        }
    }
}
