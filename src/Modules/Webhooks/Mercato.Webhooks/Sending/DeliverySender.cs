using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Mercato.Platform.Correlation;
using Mercato.Platform.Security;
using Mercato.Webhooks.Data;
using Mercato.Webhooks.Deliveries;
using Mercato.Webhooks.Endpoints;
using Mercato.Webhooks.Ssrf;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mercato.Webhooks.Sending;

/// <summary>
/// Makes one attempt of a claimed delivery: signs it, posts it through the pinned client, logs
/// the attempt, and decides what follows (succeeded; retried on the schedule or after
/// <c>Retry-After</c>; failed; the endpoint disabled on <c>410 Gone</c> or after failing for days).
/// Runs under the correlation id and trace of the event that queued the delivery.
/// </summary>
internal sealed partial class DeliverySender(
    IServiceScopeFactory scopes, IHttpClientFactory clients, IOptions<WebhooksOptions> options, TimeProvider time, ILogger<DeliverySender> logger)
{
    /// <summary>The named HTTP client deliveries go through.</summary>
    public const string ClientName = "webhooks";

    /// <summary>The <c>User-Agent</c> of every delivery.</summary>
    public const string UserAgent = "Mercato-Webhooks/1.0 (+https://github.com/mercato)";

    /// <summary>How much of a response body is kept.</summary>
    public const int MaxResponseBody = 4096;

    private static readonly ActivitySource Source = new("Mercato.Webhooks");

    /// <summary>Attempts delivery <paramref name="deliveryId"/> (claimed by the caller: status sending, attempts counted).</summary>
    public async Task SendAsync(Guid deliveryId, CancellationToken stopping)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WebhooksDbContext>();
        var delivery = await db.Deliveries.FirstOrDefaultAsync(d => d.Id == deliveryId, stopping);
        var endpoint = delivery is null ? null : await db.Endpoints.FirstOrDefaultAsync(e => e.Id == delivery.EndpointId, stopping);
        if (delivery is null || endpoint is null)
        {
            return; // the endpoint was deleted with its deliveries
        }

        var correlationId = delivery.CorrelationId ?? CorrelationContext.NewId();
        using var correlation = CorrelationContext.Begin(correlationId);
        using var logScope = logger.BeginScope(new CorrelationLogScope(correlationId));
        ActivityContext.TryParse(delivery.TraceParent, null, out var parent);
        using var activity = Source.StartActivity("webhook deliver", ActivityKind.Producer, parent);
        activity?.SetTag("webhook.delivery.id", delivery.Id);
        activity?.SetTag("webhook.event", delivery.Event);

        var settings = options.Value;
        var started = time.GetUtcNow();
        var startTicks = time.GetTimestamp();
        var attempt = new DeliveryAttempt
        {
            Id = Guid.CreateVersion7(started),
            DeliveryId = delivery.Id,
            Number = delivery.Attempts,
            StartedAt = started.UtcDateTime,
            Url = endpoint.Url,
        };

        HttpResponseMessage? response = null;
        try
        {
            // The URL is checked again at each attempt (its host may resolve elsewhere by now),
            // and the connection itself is pinned to addresses checked once more (PinnedConnections).
            var problem = await scope.ServiceProvider.GetRequiredService<WebhookUrlRules>().ProblemAsync(endpoint.Url, stopping);
            if (problem is not null)
            {
                attempt.Error = "refused by the SSRF rule: " + problem;
            }
            else
            {
                var body = Encoding.UTF8.GetBytes(delivery.Payload);
                using var request = BuildRequest(delivery, endpoint, body, started);
                attempt.RequestHeaders = HeadersJson(request);
                using var timeout = new CancellationTokenSource(settings.Timeout, time);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, timeout.Token);
                try
                {
                    response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
                    attempt.StatusCode = (int)response.StatusCode;
                    attempt.ResponseBody = await ReadStartAsync(response, linked.Token);
                    attempt.Succeeded = response.IsSuccessStatusCode;
                    if (!attempt.Succeeded)
                    {
                        attempt.Error = $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd();
                    }
                }
                catch (OperationCanceledException) when (timeout.IsCancellationRequested && !stopping.IsCancellationRequested)
                {
                    attempt.Error = $"timeout: no answer within {settings.Timeout.TotalSeconds:0.###} s";
                }
                catch (HttpRequestException ex)
                {
                    attempt.Error = Describe(ex);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The host is stopping: the delivery goes back to the queue, this attempt uncounted.
            await ReleaseAsync(deliveryId);
            return;
        }

        var now = time.GetUtcNow();
        attempt.DurationMs = (long)time.GetElapsedTime(startTicks).TotalMilliseconds;
        db.Attempts.Add(attempt);
        var disable = Conclude(delivery, endpoint, attempt, response, now, settings);
        response?.Dispose();
        try
        {
            if (disable is null)
            {
                await db.SaveChangesAsync(CancellationToken.None);
            }
            else
            {
                await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
                if (await EndpointDisabling.DisableAsync(db, endpoint, disable, now.UtcDateTime, CancellationToken.None))
                {
                    LogDisabled(endpoint.Id, disable);
                }

                await db.SaveChangesAsync(CancellationToken.None);
                await transaction.CommitAsync(CancellationToken.None);
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            LogGone(delivery.Id); // deleted with its endpoint meanwhile
        }
    }

    /// <summary>Updates the delivery and the endpoint's health after an attempt; answers why the endpoint is to be disabled, if it is.</summary>
    private string? Conclude(WebhookDelivery delivery, WebhookEndpoint endpoint, DeliveryAttempt attempt, HttpResponseMessage? response, DateTimeOffset now, WebhooksOptions settings)
    {
        var at = now.UtcDateTime;
        delivery.LeaseUntil = null;
        delivery.LastAttemptAt = at;
        delivery.UpdatedAt = at;
        delivery.LastStatusCode = attempt.StatusCode;
        delivery.LastError = attempt.Error is null ? null : Trim(attempt.Error, 1000);
        if (attempt.Succeeded)
        {
            delivery.Status = DeliveryStatus.Succeeded;
            delivery.DeliveredAt = at;
            endpoint.FailingSince = null;
            endpoint.LastSuccessAt = at;
            LogDelivered(delivery.Id, delivery.Event, endpoint.Id, delivery.Attempts);
            return null;
        }

        endpoint.FailingSince ??= attempt.StartedAt;
        if (attempt.StatusCode == (int)HttpStatusCode.Gone)
        {
            delivery.Status = DeliveryStatus.Failed;
            return endpoint.Enabled ? "The endpoint answered 410 Gone" : null;
        }

        string? disable = null;
        if (endpoint.Enabled && at - endpoint.FailingSince >= settings.DisableAfterFailingFor)
        {
            var since = DateTime.SpecifyKind(endpoint.FailingSince.Value, DateTimeKind.Utc);
            disable = $"Every delivery failed since {since:yyyy-MM-ddTHH:mm:ssZ}";
        }

        delivery.ScheduleStep++;
        var wait = RetrySchedule.Wait(delivery.ScheduleStep, settings, Random.Shared.NextDouble());
        if (wait is null)
        {
            delivery.Status = DeliveryStatus.Failed;
            LogFailed(delivery.Id, delivery.Event, endpoint.Id, delivery.Attempts, attempt.Error ?? string.Empty);
            return disable;
        }

        if (attempt.StatusCode == (int)HttpStatusCode.TooManyRequests
            && RetrySchedule.RetryAfter(response?.Headers.RetryAfter, now) is { } asked && asked > wait)
        {
            wait = asked;
        }

        delivery.Status = DeliveryStatus.Pending;
        delivery.NextAttemptAt = at + wait.Value;
        LogRetry(delivery.Id, delivery.Attempts, delivery.NextAttemptAt, attempt.Error ?? string.Empty);
        return disable;
    }

    private static HttpRequestMessage BuildRequest(WebhookDelivery delivery, WebhookEndpoint endpoint, byte[] body, DateTimeOffset now)
    {
        var timestamp = now.ToUnixTimeSeconds();
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        request.Headers.Add(StandardWebhookSignature.IdHeader, delivery.MessageId);
        request.Headers.Add(StandardWebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(StandardWebhookSignature.SignatureHeader, StandardWebhookSignature.Sign(endpoint.SigningSecrets(now.UtcDateTime), delivery.MessageId, timestamp, body));
        request.Headers.Add(HexWebhookSignature.HeaderName, HexWebhookSignature.Sign(endpoint.Secret, body));
        request.Headers.Add("X-Webhook-Event", delivery.Event);
        return request;
    }

    private static string HeadersJson(HttpRequestMessage request)
    {
        var headers = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in request.Headers)
        {
            headers[name] = string.Join(", ", values);
        }

        foreach (var (name, values) in request.Content!.Headers)
        {
            headers[name] = string.Join(", ", values);
        }

        return JsonSerializer.Serialize(headers);
    }

    private static async Task<string> ReadStartAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[MaxResponseBody];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0)
        {
            read += n;
        }

        // Cut on a character boundary: a partial UTF-8 sequence at the end becomes one replacement character at most.
        var text = Encoding.UTF8.GetString(buffer, 0, read);
        return text.Length <= MaxResponseBody ? text : text[..MaxResponseBody];
    }

    private static string Describe(HttpRequestException ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e is AddressRefusedException refused)
            {
                return refused.Message;
            }
        }

        return Trim("connection error: " + (ex.InnerException?.Message ?? ex.Message), 1000);
    }

    private async Task ReleaseAsync(Guid deliveryId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WebhooksDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        await db.Deliveries.Where(d => d.Id == deliveryId && d.Status == DeliveryStatus.Sending)
            .ExecuteUpdateAsync(
                s => s.SetProperty(d => d.Status, DeliveryStatus.Pending)
                    .SetProperty(d => d.Attempts, d => d.Attempts - 1)
                    .SetProperty(d => d.LeaseUntil, (DateTime?)null)
                    .SetProperty(d => d.UpdatedAt, now),
                CancellationToken.None);
    }

    private static string Trim(string text, int max) => text.Length <= max ? text : text[..max];

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook delivery {Id} ({Event}) to endpoint {EndpointId} succeeded at attempt {Attempts}")]
    private partial void LogDelivered(Guid id, string @event, Guid endpointId, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {Id}: attempt {Attempts} failed, next at {NextAttemptAt:o}: {Error}")]
    private partial void LogRetry(Guid id, int attempts, DateTime nextAttemptAt, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook delivery {Id} ({Event}) to endpoint {EndpointId} failed after {Attempts} attempts: {Error}")]
    private partial void LogFailed(Guid id, string @event, Guid endpointId, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook endpoint {EndpointId} disabled: {Reason}")]
    private partial void LogDisabled(Guid endpointId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook delivery {Id} was deleted during its attempt")]
    private partial void LogGone(Guid id);
}
