using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;

namespace Mercato.Audit.Entries;

/// <summary>
/// Makes the handler fail the first <c>Audit:FailFirstAttempts</c> times it sees each event,
/// so tests can prove retries apply an event exactly once.
/// </summary>
public sealed class FailureInjector(IConfiguration configuration)
{
    private readonly ConcurrentDictionary<Guid, int> _attempts = new();

    /// <summary>Throws while the event has failed fewer times than configured.</summary>
    public void MaybeFail(Guid eventId)
    {
        var failures = configuration.GetValue("Audit:FailFirstAttempts", 0);
        var attempt = _attempts.AddOrUpdate(eventId, 1, (_, n) => n + 1);
        if (attempt <= failures)
        {
            throw new InvalidOperationException($"Injected failure {attempt} of {failures} for event {eventId}");
        }
    }

    /// <summary>How many times the handler was invoked for the event.</summary>
    public int AttemptsFor(Guid eventId) => _attempts.GetValueOrDefault(eventId);
}
