using Mercato.Platform.Hosting;
using Mercato.Webhooks.Data;
using Mercato.Webhooks.Deliveries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mercato.Webhooks.Sending;

/// <summary>
/// Sends due deliveries. Each is claimed with a conditional update (pending and due → sending,
/// with a lease), so two processes never send one delivery at once, on SQLite and PostgreSQL
/// alike; then sent on its own task, at most <see cref="WebhooksOptions.MaxConcurrentSends"/> at
/// once and <see cref="WebhooksOptions.MaxConcurrentSendsPerEndpoint"/> per endpoint, so a slow
/// endpoint holds its own slots and never another endpoint's. A delivery whose lease ran out
/// (its process died mid-attempt) is pending again; deliveries of a disabled endpoint wait.
/// </summary>
internal sealed partial class DeliveryWorker(
    IServiceScopeFactory scopes, DeliverySender sender, IOptions<WebhooksOptions> options, TimeProvider time, ILogger<DeliveryWorker> logger)
    : PeriodicJob(time, logger)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, int> _perEndpoint = [];
    private readonly HashSet<Task> _inFlight = [];
    private CancellationToken _stopping;

    /// <inheritdoc />
    protected override TimeSpan Interval => options.Value.DispatchInterval;

    /// <inheritdoc />
    protected override string Name => "Webhook delivery worker";

    /// <inheritdoc />
    protected override bool RunsAtStart => true;

    /// <summary>Sends in flight now.</summary>
    public int InFlight
    {
        get
        {
            lock (_gate)
            {
                return _inFlight.Count;
            }
        }
    }

    /// <summary>Looks for due deliveries now (after an administrator queued or replayed some).</summary>
    public void Wake() => RunSoon();

    /// <inheritdoc />
    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        _stopping = cancellationToken;
        var settings = options.Value;
        var now = Time.GetUtcNow().UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WebhooksDbContext>();
        await db.Deliveries
            .Where(d => d.Status == DeliveryStatus.Sending && d.LeaseUntil < now)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatus.Pending).SetProperty(d => d.LeaseUntil, (DateTime?)null), cancellationToken);

        var free = settings.MaxConcurrentSends - InFlight;
        if (free <= 0)
        {
            return;
        }

        var due = await db.Deliveries.AsNoTracking()
            .Where(d => d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now && db.Endpoints.Any(e => e.Id == d.EndpointId && e.Enabled))
            .OrderBy(d => d.NextAttemptAt).ThenBy(d => d.Id)
            .Select(d => new { d.Id, d.EndpointId })
            .Take(free * 4)
            .ToListAsync(cancellationToken);
        var lease = now + settings.Timeout + TimeSpan.FromMinutes(1);
        foreach (var candidate in due)
        {
            lock (_gate)
            {
                if (_inFlight.Count >= settings.MaxConcurrentSends)
                {
                    break;
                }

                if (_perEndpoint.GetValueOrDefault(candidate.EndpointId) >= settings.MaxConcurrentSendsPerEndpoint)
                {
                    continue;
                }
            }

            var claimed = await db.Deliveries
                .Where(d => d.Id == candidate.Id && d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(d => d.Status, DeliveryStatus.Sending)
                        .SetProperty(d => d.LeaseUntil, lease)
                        .SetProperty(d => d.Attempts, d => d.Attempts + 1)
                        .SetProperty(d => d.UpdatedAt, now),
                    cancellationToken);
            if (claimed == 1)
            {
                Start(candidate.Id, candidate.EndpointId);
            }
        }
    }

    private void Start(Guid deliveryId, Guid endpointId)
    {
        lock (_gate)
        {
            _perEndpoint[endpointId] = _perEndpoint.GetValueOrDefault(endpointId) + 1;
            Task? task = null;
            task = Task.Run(async () =>
            {
                try
                {
                    await sender.SendAsync(deliveryId, _stopping);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogSendFailed(deliveryId, ex);
                }
                finally
                {
                    lock (_gate)
                    {
                        var left = _perEndpoint[endpointId] - 1;
                        if (left == 0)
                        {
                            _perEndpoint.Remove(endpointId);
                        }
                        else
                        {
                            _perEndpoint[endpointId] = left;
                        }

                        _inFlight.Remove(task!);
                    }

                    RunSoon();
                }
            });
            _inFlight.Add(task);
        }
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        Task[] running;
        lock (_gate)
        {
            running = [.. _inFlight];
        }

        await Task.WhenAll(running).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook delivery {Id}: the attempt could not be completed")]
    private partial void LogSendFailed(Guid id, Exception exception);
}
