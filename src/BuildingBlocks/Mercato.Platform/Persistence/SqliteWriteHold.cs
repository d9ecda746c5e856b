using System.Diagnostics;

namespace Mercato.Platform.Persistence;

/// <summary>
/// A taken <see cref="SqliteWriteLock"/> slot; releasing it more than once releases it once. It
/// knows what took it (a transaction or a statement, the activity and thread it began on, the
/// last statement a transaction ran) and since when, so a writer kept waiting can name it.
/// </summary>
internal sealed class SqliteWriteHold(SqliteWriteLock writeLock, string holder, string? activity, int thread)
{
    private readonly long _since = Stopwatch.GetTimestamp();
    private int _released;
    private Action<SqliteWriteHold>? _onRelease;
    private string? _lastStatement;

    /// <summary>How long the slot has been held (until now, or until it was given back).</summary>
    public TimeSpan Held => Stopwatch.GetElapsedTime(_since);

    /// <summary>Runs <paramref name="action"/> when the slot is given back, just before the next writer may take it.</summary>
    public void OnRelease(Action<SqliteWriteHold> action) => _onRelease = action;

    /// <summary>Notes a statement run while the slot is held (a transaction's statements), for <see cref="Describe"/>.</summary>
    public void Ran(string statement) => Volatile.Write(ref _lastStatement, statement);

    /// <summary>What holds the slot and for how long, in words, with the start of its last statement.</summary>
    public string Describe()
    {
        var last = Volatile.Read(ref _lastStatement);
        return $"{holder} took it {Held.TotalMilliseconds:0} ms ago on thread {thread} ({activity ?? "no activity"})"
            + (last is null ? string.Empty : $", last statement: {Shorten(last)}");
    }

    /// <summary>Gives the slot back to the next writer (the first call only).</summary>
    public void Release()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            _onRelease?.Invoke(this);
            writeLock.Exit(this);
        }
    }

    /// <summary>The start of a statement on one line, enough to tell which write it is.</summary>
    internal static string Shorten(string statement)
    {
        var line = string.Join(' ', statement.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return line.Length <= 160 ? line : string.Concat(line.AsSpan(0, 160), "...");
    }
}
