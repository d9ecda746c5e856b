using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;

namespace Mercato.Audit.Entries;

/// <summary>
/// Makes the handler fail the first <c>Audit:FailFirstAttempts</c> times it sees each event,
/// so tests can prove retries apply an event exactly once, and fail every time for notes whose
/// text contains <c>Audit:AlwaysFailMarker</c>, so tests can follow a poison message.
/// </summary>
public sealed class FailureInjector(IConfiguration configuration)
{
    private readonly ConcurrentDictionary<Guid, int> _attempts = new();

    /// <summary>Throws while the event has failed fewer times than configured, or always for a marked note.</summary>
    public void MaybeFail(Guid eventId, string text)
    {
        var failures = configuration.GetValue("Audit:FailFirstAttempts", 0);
        var attempt = _attempts.AddOrUpdate(eventId, 1, (_, n) => n + 1);
        if (configuration["Audit:AlwaysFailMarker"] is { Length: > 0 } marker && text.Contains(marker, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Injected failure {attempt} (always) for event {eventId}");
        }

        if (attempt <= failures)
        {
            throw new InvalidOperationException($"Injected failure {attempt} of {failures} for event {eventId}");
        }
    }

    /// <summary>
    /// Takes <c>Audit:HandlerDelayMs</c> to "work", deliberately deaf to cancellation: a handler
    /// still running when the process is asked to stop, or a consumer blocked on a slow SMTP
    /// server. With <c>Audit:SlowMarker</c> set, only notes whose text contains it take that long.
    /// </summary>
    public Task WorkAsync(string text)
    {
        var delay = configuration.GetValue("Audit:HandlerDelayMs", 0);
        var slow = configuration["Audit:SlowMarker"] is not { Length: > 0 } marker || text.Contains(marker, StringComparison.Ordinal);
        return delay > 0 && slow ? Task.Delay(delay, CancellationToken.None) : Task.CompletedTask;
    }

    /// <summary>How many times the handler was invoked for the event.</summary>
    public int AttemptsFor(Guid eventId) => _attempts.GetValueOrDefault(eventId);
}
