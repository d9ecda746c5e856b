namespace Mercato.Platform.Correlation;

/// <summary>
/// The correlation id of the work in progress (an HTTP request or a message being handled),
/// flowing with the async context so that outgoing calls and published events carry it.
/// </summary>
public static class CorrelationContext
{
    /// <summary>The header that carries it.</summary>
    public const string HeaderName = "X-Correlation-Id";

    /// <summary>The longest id accepted from outside.</summary>
    public const int MaxLength = 128;

    private static readonly AsyncLocal<string?> Current = new();

    /// <summary>The current correlation id, or null outside any request or message.</summary>
    public static string? CurrentId => Current.Value;

    /// <summary>Sets the id for the current async flow until the returned scope is disposed.</summary>
    public static IDisposable Begin(string correlationId)
    {
        var previous = Current.Value;
        Current.Value = correlationId;
        return new Restore(previous);
    }

    /// <summary>A fresh id.</summary>
    public static string NewId() => Guid.CreateVersion7().ToString("N");

    /// <summary>
    /// Whether a client-supplied id is acceptable: 1 to 128 characters of letters, digits,
    /// and <c>- _ . :</c>. Anything else is replaced, never echoed.
    /// </summary>
    public static bool IsValid(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':'))
            {
                return false;
            }
        }

        return true;
    }

    private sealed class Restore(string? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
