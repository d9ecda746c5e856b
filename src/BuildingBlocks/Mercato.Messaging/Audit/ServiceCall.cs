namespace Mercato.Messaging.Audit;

/// <summary>
/// Marks work that one module does for another through its in-process client: the changes are a
/// service's, audited as <c>service:&lt;module&gt;</c> like the same call over HTTP with a service
/// token, not as the change of the customer whose request happens to carry it.
/// </summary>
public static class ServiceCall
{
    private static readonly AsyncLocal<string?> Current = new();

    /// <summary>The module acting as a service for a neighbour in the current flow, or null.</summary>
    public static string? Module => Current.Value;

    /// <summary>Until the returned scope is disposed, changes in this async flow are <paramref name="module"/>'s, acting for a neighbour.</summary>
    public static IDisposable Begin(string module)
    {
        ArgumentException.ThrowIfNullOrEmpty(module);
        var previous = Current.Value;
        Current.Value = module;
        return new Restore(previous);
    }

    private sealed class Restore(string? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
