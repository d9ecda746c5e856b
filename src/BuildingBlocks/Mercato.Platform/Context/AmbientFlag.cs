namespace Mercato.Platform.Context;

/// <summary>
/// A flag that holds for the current async flow, and the work it awaits or starts, while the scope
/// <see cref="Raise"/> returns is open: how a caller tells code far below it to behave differently
/// without passing a parameter through every layer (see its uses).
/// </summary>
public sealed class AmbientFlag
{
    private readonly AsyncLocal<bool> _raised = new();

    /// <summary>Whether the flag is raised in the current async flow.</summary>
    public bool IsRaised => _raised.Value;

    /// <summary>Raises the flag until the returned scope is disposed (then it is as it was before).</summary>
    public IDisposable Raise()
    {
        var previous = _raised.Value;
        _raised.Value = true;
        return new Restore(this, previous);
    }

    private sealed class Restore(AmbientFlag flag, bool previous) : IDisposable
    {
        public void Dispose() => flag._raised.Value = previous;
    }
}
