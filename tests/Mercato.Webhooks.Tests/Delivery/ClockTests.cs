using System.Globalization;
using System.Net;
using System.Text.Json;
using Mercato.Messaging.Outbox;
using Mercato.Platform.Security;
using Mercato.Testing;
using Mercato.Webhooks.Deliveries;
using Mercato.Webhooks.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Webhooks.Tests.Delivery;

/// <summary>
/// What happens over hours and days, on a fake clock (each test has a host of its own): the
/// retry schedule with its jitter, <c>Retry-After</c>, <c>410 Gone</c> and five days of failures
/// disabling an endpoint (and telling the shop), a rotated secret's overlap, the log's
/// retention, and a delivery that survives a restart and is delivered once.
/// </summary>
public abstract class ClockTests
{
    /// <summary>Whether the hosts use PostgreSQL.</summary>
    protected abstract bool Postgres { get; }

    [Fact]
    public async Task Failed_attempts_are_retried_on_the_seed_schedule_with_jitter_then_the_delivery_fails()
    {
        await using var factory = new ClockWebhooksFactory(Postgres);
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = c => { c.Response.StatusCode = 500; return c.Response.WriteAsync("boom"); };
        var client = factory.CreateClient();
        var admin = await factory.AdminTokenAsync(client);
        var hook = await client.CreateHookAsync(admin, receiver.UrlAs(), "*");
        var id = await client.SendTestAsync(admin, hook.Id);

        TimeSpan[] schedule = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(3)];
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var delivery = await factory.DeliveryReachesAsync(client, admin, id, "pending", attempt);
            var last = DateTime.Parse(delivery.GetProperty("lastAttemptAt").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
            var next = DateTime.Parse(delivery.GetProperty("nextAttemptAt").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
            var wait = next - last;
            Assert.InRange(wait, schedule[attempt - 1] * 0.9, schedule[attempt - 1] * 1.1);
            Assert.Equal(500, delivery.GetProperty("lastStatusCode").GetInt32());

            // Nothing happens before the time; then the next attempt runs.
            factory.Clock.Advance(wait - TimeSpan.FromSeconds(2));
            await Task.Delay(300);
            Assert.Equal(attempt, receiver.Requests.Count);
            factory.Clock.Advance(TimeSpan.FromSeconds(2));
        }

        var failed = await factory.DeliveryReachesAsync(client, admin, id, "failed", 6);
        Assert.Equal(6, failed.GetProperty("attempts").GetArrayLength());
        Assert.All(failed.GetProperty("attempts").EnumerateArray(), a => Assert.Equal("boom", a.GetProperty("responseBody").GetString()));
        var requests = receiver.Requests.ToArray();
        Assert.Equal(6, requests.Length);
        Assert.Single(requests.Select(r => r.Header("webhook-id")).Distinct());
        Assert.Equal(6, requests.Select(r => r.Header("webhook-timestamp")).Distinct().Count());
        Assert.All(requests, r => Assert.True(StandardWebhookSignature.Verify(
            hook.Secret, r.Header("webhook-id"), r.Header("webhook-timestamp"), r.Header("webhook-signature"), r.Body,
            DateTimeOffset.FromUnixTimeSeconds(long.Parse(r.Header("webhook-timestamp")!, CultureInfo.InvariantCulture)), TimeSpan.FromMinutes(5))));

        // Nothing further, however long one waits; the endpoint stays enabled (not five days yet).
        factory.Clock.Advance(TimeSpan.FromHours(12));
        await Task.Delay(300);
        Assert.Equal(6, receiver.Requests.Count);
        Assert.Equal("active", (await client.HookAsync(admin, hook.Id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_attempt_without_an_answer_within_ten_seconds_times_out_and_is_retried_on_the_schedule()
    {
        await using var factory = new ClockWebhooksFactory(Postgres);
        await using var receiver = await WebhookReceiver.StartAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var answered = 0;
        receiver.Respond = async c =>
        {
            if (Interlocked.Increment(ref answered) == 1)
            {
                await release.Task; // the first attempt never gets an answer in time
            }

            c.Response.StatusCode = 204;
        };
        var client = factory.CreateClient();
        var admin = await factory.AdminTokenAsync(client);
        var hook = await client.CreateHookAsync(admin, receiver.UrlAs(), "*");
        var id = await client.SendTestAsync(admin, hook.Id);
        await receiver.ReceivedAsync(1);

        // Not yet at 9 s: the attempt is still in flight.
        factory.Clock.Advance(TimeSpan.FromSeconds(9));
        await Task.Delay(300);
        Assert.Equal("sending", (await client.DeliveryAsync(admin, id)).GetProperty("status").GetString());

        // At 10 s it is given up as a timeout and the next attempt waits its minute.
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var timedOut = await factory.DeliveryReachesAsync(client, admin, id, "pending", 1);
        var attempt = Assert.Single(timedOut.GetProperty("attempts").EnumerateArray());
        Assert.StartsWith("timeout", attempt.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, attempt.GetProperty("statusCode").ValueKind);
        release.SetResult();

        factory.Clock.Advance(TimeSpan.FromMinutes(1.2));
        await factory.DeliveryReachesAsync(client, admin, id, "succeeded", 2);
    }

    [Fact]
    public async Task A_429_is_retried_after_its_Retry_After_when_that_is_later_than_the_schedule()
    {
        await using var factory = new ClockWebhooksFactory(Postgres);
        await using var receiver = await WebhookReceiver.StartAsync();
        var answers = 0;
        receiver.Respond = c =>
        {
            answers++;
            if (answers == 1)
            {
                c.Response.StatusCode = 429;
                c.Response.Headers.RetryAfter = "600";
            }
            else if (answers == 2)
            {
                c.Response.StatusCode = 429;
                c.Response.Headers.RetryAfter = factory.Clock.GetUtcNow().AddHours(2).ToString("r", CultureInfo.InvariantCulture);
            }

            return Task.CompletedTask;
        };
        var client = factory.CreateClient();
        var admin = await factory.AdminTokenAsync(client);
        var hook = await client.CreateHookAsync(admin, receiver.UrlAs(), "*");
        var id = await client.SendTestAsync(admin, hook.Id);

        var first = await factory.DeliveryReachesAsync(client, admin, id, "pending", 1);
        Assert.Equal(TimeSpan.FromSeconds(600), Wait(first));
        Assert.Equal(429, first.GetProperty("lastStatusCode").GetInt32());
        factory.Clock.Advance(TimeSpan.FromSeconds(600));

        var second = await factory.DeliveryReachesAsync(client, admin, id, "pending", 2);
        Assert.InRange(Wait(second), TimeSpan.FromHours(2) - TimeSpan.FromSeconds(2), TimeSpan.FromHours(2));
        factory.Clock.Advance(Wait(second));
        await factory.DeliveryReachesAsync(client, admin, id, "succeeded", 3);
    }

    [Fact]
    public async Task A_410_disables_the_endpoint_at_once_and_tells_the_shop()
    {
        await using var factory = new ClockWebhooksFactory(Postgres);
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = c => { c.Response.StatusCode = 410; return Task.CompletedTask; };
        var client = factory.CreateClient();
        var admin = await factory.AdminTokenAsync(client);
        var hook = await client.CreateHookAsync(admin, receiver.UrlAs(), "*");
        var id = await client.SendTestAsync(admin, hook.Id);

        await factory.DeliveryReachesAsync(client, admin, id, "failed", 1);
        var endpoint = await client.HookAsync(admin, hook.Id);
        Assert.Equal("disabled", endpoint.GetProperty("status").GetString());
        Assert.Contains("410", endpoint.GetProperty("disabledReason").GetString(), StringComparison.Ordinal);
        // The conditional update that disabled it is audited as the module's own work.
        var audited = Assert.Single(await factory.AuditEntriesAsync("webhooks.webhook-endpoint.disabled", hook.Id));
        Assert.Equal("service:webhooks", audited.GetProperty("actor").GetString());
        Assert.Contains("410", audited.GetProperty("after").GetString(), StringComparison.Ordinal);
        var published = await DisabledEventsAsync(factory);
        var evt = Assert.Single(published);
        Assert.Equal(hook.Id, evt.GetProperty("endpointId").GetGuid());
        Assert.Equal(receiver.UrlAs(), evt.GetProperty("url").GetString());

        // Disabled: a test is refused, nothing more is sent.
        using var test = await client.CallAsync(HttpMethod.Post, $"/api/v1/webhooks/{hook.Id}/test", admin);
        await test.ExpectErrorAsync(HttpStatusCode.Conflict, "CONFLICT");
        factory.Clock.Advance(TimeSpan.FromHours(4));
        await Task.Delay(300);
        Assert.Single(receiver.Requests);
    }

    [Fact]
    public async Task An_endpoint_failing_for_five_days_is_disabled_and_the_shop_told()
    {
        await using var factory = new ClockWebhooksFactory(Postgres);
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = c => { c.Response.StatusCode = 503; return Task.CompletedTask; };
        var client = factory.CreateClient();
        var admin = await factory.AdminTokenAsync(client);
        var hook = await client.CreateHookAsync(admin, receiver.UrlAs(), "*");
        var started = factory.Clock.GetUtcNow();

        // A failing delivery each day: after four days it is still enabled.
        for (var day = 0; day < 5; day++)
        {
            var id = await client.SendTestAsync(admin, hook.Id);
            await factory.DeliveryReachesAsync(client, admin, id, "pending", 1);
            Assert.Equal("active", (await client.HookAsync(admin, hook.Id)).GetProperty("status").GetString());
            factory.Clock.Advance(TimeSpan.FromDays(1) - TimeSpan.FromMinutes(30));
        }

        Assert.Empty(await DisabledEventsAsync(factory));
        // Past five days: the next failing attempt (a retry of the last days' deliveries) disables it.
        factory.Clock.Advance(TimeSpan.FromHours(3));
        await factory.EventuallyAsync(async () => (await client.HookAsync(admin, hook.Id)).GetProperty("status").GetString() == "disabled", "the endpoint disabled");
        Assert.True(factory.Clock.GetUtcNow() - started >= TimeSpan.FromDays(5));
        var evt = Assert.Single(await DisabledEventsAsync(factory));
        Assert.Equal(hook.Id, evt.GetProperty("endpointId").GetGuid());
        Assert.Equal(JsonValueKind.String, evt.GetProperty("failingSince").ValueKind);
        Assert.StartsWith("Every delivery failed since", evt.GetProperty("reason").GetString(), StringComparison.Ordinal);

        // Enabled again by an administrator: the streak starts afresh, pending deliveries resume.
        receiver.Respond = c => c.Response.WriteAsync("back");
        using var enable = await client.CallAsync(HttpMethod.Post, $"/api/v1/webhooks/{hook.Id}/enable", admin);
        await enable.ExpectAsync(HttpStatusCode.OK);
        var resumed = await client.SendTestAsync(admin, hook.Id);
        await factory.DeliveryReachesAsync(client, admin, resumed, "succeeded", 1);
        var endpoint = await client.HookAsync(admin, hook.Id);
        Assert.Equal(JsonValueKind.Null, endpoint.GetProperty("failingSince").ValueKind);
    }

    [Fact]
    public async Task During_a_rotations_overlap_both_secrets_sign_then_only_the_new_one()
    {
        await using var factory = new ClockWebhooksFactory(Postgres);
        await using var receiver = await WebhookReceiver.StartAsync();
        var client = factory.CreateClient();
        var admin = await factory.AdminTokenAsync(client);
        var hook = await client.CreateHookAsync(admin, receiver.UrlAs(), "*");
        string fresh;
        using (var rotate = await client.CallAsync(HttpMethod.Post, $"/api/v1/webhooks/{hook.Id}/rotate-secret", admin))
        {
            await rotate.ExpectAsync(HttpStatusCode.OK);
            fresh = (await rotate.ReadJsonAsync()).GetProperty("data").GetProperty("secret").GetString()!;
        }

        await factory.DeliveryReachesAsync(client, admin, await client.SendTestAsync(admin, hook.Id), "succeeded", 1);
        var during = receiver.Requests.Last();
        Assert.Equal(2, during.Header("webhook-signature")!.Split(' ').Length);
        Assert.True(Verifies(fresh, during, factory));
        Assert.True(Verifies(hook.Secret, during, factory));
        Assert.True(HexWebhookSignature.Verify(fresh, during.Header("X-Webhook-Signature"), during.Body));

        factory.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        await factory.DeliveryReachesAsync(client, admin, await client.SendTestAsync(admin, hook.Id), "succeeded", 1);
        var after = receiver.Requests.Last();
        Assert.Single(after.Header("webhook-signature")!.Split(' '));
        Assert.True(Verifies(fresh, after, factory));
        Assert.False(Verifies(hook.Secret, after, factory));
        Assert.Equal(JsonValueKind.Null, (await client.HookAsync(admin, hook.Id)).GetProperty("previousSecretExpiresAt").ValueKind);
    }

    [Fact]
    public async Task A_pending_delivery_survives_a_restart_and_is_delivered_once()
    {
        var first = new ClockWebhooksFactory(Postgres);
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = c => { c.Response.StatusCode = 500; return Task.CompletedTask; };
        var client = first.CreateClient();
        var admin = await first.AdminTokenAsync(client);
        var hook = await client.CreateHookAsync(admin, receiver.UrlAs(), "*");
        var id = await client.SendTestAsync(admin, hook.Id);
        await first.DeliveryReachesAsync(client, admin, id, "pending", 1);

        // The process stops with the delivery waiting for its retry.
        await using var second = first.Restarted();
        await first.DisposeAsync();
        receiver.Respond = c => c.Response.WriteAsync("ok");

        var restartedClient = second.CreateClient();
        var restartedAdmin = await restartedClient.SignInAsync(WebhooksFactory.AdminEmail, WebhooksFactory.AdminPassword);
        Assert.Equal("pending", (await restartedClient.DeliveryAsync(restartedAdmin, id)).GetProperty("status").GetString());
        second.Clock.Advance(TimeSpan.FromMinutes(2));
        await second.DeliveryReachesAsync(restartedClient, restartedAdmin, id, "succeeded", 2);
        second.Clock.Advance(TimeSpan.FromHours(4));
        await Task.Delay(300);
        var requests = receiver.Requests.ToArray();
        Assert.Equal(2, requests.Length);
        Assert.Equal(requests[0].Header("webhook-id"), requests[1].Header("webhook-id"));
    }

    [Fact]
    public async Task The_delivery_log_is_kept_ninety_days()
    {
        await using var factory = new ClockWebhooksFactory(Postgres);
        await using var receiver = await WebhookReceiver.StartAsync();
        var client = factory.CreateClient();
        var admin = await factory.AdminTokenAsync(client);
        var hook = await client.CreateHookAsync(admin, receiver.UrlAs(), "*");
        var old = await client.SendTestAsync(admin, hook.Id);
        await factory.DeliveryReachesAsync(client, admin, old, "succeeded", 1);

        factory.Clock.Advance(TimeSpan.FromDays(89));
        var recent = await client.SendTestAsync(admin, hook.Id);
        await factory.DeliveryReachesAsync(client, admin, recent, "succeeded", 1);
        Assert.True(await factory.WithDbAsync(db => db.Deliveries.AnyAsync(d => d.Id == old)));

        factory.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromHours(1));
        await factory.EventuallyAsync(() => factory.WithDbAsync(async db => !await db.Deliveries.AnyAsync(d => d.Id == old)), "the old delivery deleted");
        Assert.False(await factory.WithDbAsync(db => db.Attempts.AnyAsync(a => a.DeliveryId == old)));
        Assert.True(await factory.WithDbAsync(db => db.Deliveries.AnyAsync(d => d.Id == recent)));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Attempts.CountAsync(a => a.DeliveryId == recent)));
    }

    [Fact]
    public async Task Two_processes_on_one_database_send_each_delivery_once()
    {
        await using var first = new ClockWebhooksFactory(Postgres);
        await using var receiver = await WebhookReceiver.StartAsync();
        var client = first.CreateClient();
        var admin = await first.AdminTokenAsync(client);
        var hooks = new List<Hook>();
        for (var i = 0; i < 4; i++)
        {
            hooks.Add(await client.CreateHookAsync(admin, receiver.UrlAs(), "*"));
        }

        await using var second = first.Replica();
        _ = second.Services; // started: its worker polls the same queue
        var ids = new List<Guid>();
        for (var i = 0; i < 24; i++)
        {
            ids.Add(await client.SendTestAsync(admin, hooks[i % hooks.Count].Id));
        }

        await Eventually.HoldsAsync(
            () => first.WithDbAsync(async db => await db.Deliveries.CountAsync(d => ids.Contains(d.Id) && d.Status == DeliveryStatus.Succeeded) == ids.Count),
            "every delivery sent",
            () => { first.Tick(); second.Tick(); },
            pollMilliseconds: 20);
        first.Clock.Advance(TimeSpan.FromMinutes(10));
        second.Clock.Advance(TimeSpan.FromMinutes(10));
        await Task.Delay(300);

        var requests = receiver.Requests.ToArray();
        Assert.Equal(ids.Count, requests.Length);
        Assert.Equal(ids.Count, requests.Select(r => r.Header("webhook-id")).Distinct().Count());
        Assert.True(await first.WithDbAsync(db => db.Deliveries.Where(d => ids.Contains(d.Id)).AllAsync(d => d.Attempts == 1)));
    }

    private static bool Verifies(string secret, ReceivedRequest request, WebhooksFactory factory) => StandardWebhookSignature.Verify(
        secret, request.Header("webhook-id"), request.Header("webhook-timestamp"), request.Header("webhook-signature"), request.Body, factory.Clock.GetUtcNow(), TimeSpan.FromMinutes(5));

    private static TimeSpan Wait(JsonElement delivery) =>
        DateTime.Parse(delivery.GetProperty("nextAttemptAt").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal)
        - DateTime.Parse(delivery.GetProperty("lastAttemptAt").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);

    private static Task<List<JsonElement>> DisabledEventsAsync(WebhooksFactory factory) => factory.WithDbAsync(async db =>
        (await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Type == "webhooks.endpoint-disabled.v1").ToListAsync())
            .Select(m => JsonDocument.Parse(m.Payload).RootElement.Clone()).ToList());
}

/// <summary>On SQLite.</summary>
public sealed class SqliteClockTests : ClockTests
{
    /// <inheritdoc />
    protected override bool Postgres => false;
}

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresClockTests : ClockTests
{
    /// <inheritdoc />
    protected override bool Postgres => true;
}
