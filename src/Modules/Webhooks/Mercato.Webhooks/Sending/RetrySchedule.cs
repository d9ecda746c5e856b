using System.Net.Http.Headers;

namespace Mercato.Webhooks.Sending;

/// <summary>When a failed delivery is tried again: the schedule's step with jitter, or later when the receiver asked (<c>Retry-After</c>).</summary>
internal static class RetrySchedule
{
    /// <summary>The longest <c>Retry-After</c> honoured (1 day); a receiver asking for more is tried then.</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromDays(1);

    /// <summary>
    /// The wait after failed step <paramref name="step"/> (1-based), or null when the schedule is
    /// exhausted and the delivery has failed.
    /// </summary>
    public static TimeSpan? Wait(int step, WebhooksOptions options, double random)
    {
        var schedule = options.Schedule;
        if (step > schedule.Count)
        {
            return null;
        }

        var factor = 1 + (((random * 2) - 1) * options.Jitter);
        return schedule[step - 1] * factor;
    }

    /// <summary>How long the receiver asked to wait (<c>Retry-After</c>: seconds or an HTTP date), capped at <see cref="MaxRetryAfter"/>; null when it did not.</summary>
    public static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, DateTimeOffset now)
    {
        var wait = header switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - now,
            _ => (TimeSpan?)null,
        };
        return wait is null ? null : TimeSpan.FromTicks(Math.Clamp(wait.Value.Ticks, 0, MaxRetryAfter.Ticks));
    }
}
