using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Mercato.Payments.Data;
using Mercato.Platform.Hosting;
using Mercato.Platform.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mercato.Payments.Gateways.Sandbox;

/// <summary>
/// The sandbox's webhook delivery: every due event is posted, signed the Standard Webhooks way,
/// to <see cref="PaymentUrls.SandboxWebhook"/>; a 2xx marks it delivered, anything else (or no
/// answer) tries again after a pause that doubles up to an hour, as a provider would.
/// </summary>
internal sealed partial class SandboxWebhookSender(
    IServiceScopeFactory scopes,
    IHttpClientFactory clients,
    SandboxPsp psp,
    PaymentUrls urls,
    IOptions<PaymentsOptions> options,
    TimeProvider time,
    ILogger<SandboxWebhookSender> logger)
    : PeriodicJob(time, logger)
{
    /// <summary>The HttpClient's name.</summary>
    public const string HttpClientName = "Mercato.Payments.SandboxWebhooks";

    private const int BatchSize = 20;

    /// <inheritdoc />
    protected override TimeSpan Interval => TimeSpan.FromMilliseconds(250);

    /// <inheritdoc />
    protected override string Name => "Sandbox webhook delivery";

    /// <inheritdoc />
    protected override bool Enabled => options.Value.Sandbox.Enabled;

    /// <inheritdoc />
    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaymentsDbContext>();
        var now = Time.GetUtcNow().UtcDateTime;
        var due = await db.SandboxWebhooks.Where(w => w.DeliveredAt == null && w.DueAt <= now)
            .OrderBy(w => w.DueAt).Take(BatchSize).ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return;
        }

        var secret = await psp.SecretAsync(cancellationToken);
        var http = clients.CreateClient(HttpClientName);
        foreach (var webhook in due)
        {
            webhook.Attempts++;
            webhook.LastStatus = await SendAsync(http, secret, webhook, cancellationToken);
            if (webhook.LastStatus is >= 200 and < 300)
            {
                webhook.DeliveredAt = Time.GetUtcNow().UtcDateTime;
            }
            else
            {
                var pause = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, webhook.Attempts), 3600));
                webhook.DueAt = Time.GetUtcNow().UtcDateTime + pause;
                LogNotDelivered(webhook.Id, webhook.Type, webhook.Attempts, webhook.LastStatus, pause);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<int> SendAsync(HttpClient http, string secret, SandboxWebhook webhook, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(webhook.Payload);
        var timestamp = Time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, urls.SandboxWebhook) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(StandardWebhookSignature.IdHeader, webhook.Id);
        request.Headers.Add(StandardWebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(StandardWebhookSignature.SignatureHeader, StandardWebhookSignature.Sign(secret, webhook.Id, timestamp, body));
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            return (int)response.StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogUnreachable(webhook.Id, urls.SandboxWebhook, ex.Message);
            return 0;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sandbox webhook {EventId} ({Type}) not delivered on attempt {Attempts} (status {Status}); next try in {Pause}")]
    private partial void LogNotDelivered(string eventId, string type, int attempts, int status, TimeSpan pause);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sandbox webhook {EventId} could not reach {Url}: {Reason}")]
    private partial void LogUnreachable(string eventId, string url, string reason);
}
