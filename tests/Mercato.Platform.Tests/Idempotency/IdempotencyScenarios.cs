using System.Net;
using Mercato.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Mercato.Platform.Tests.Idempotency;

/// <summary>The scenarios that must hold on every database provider.</summary>
internal static class IdempotencyScenarios
{
    /// <summary>Same key and body: the handler runs once and every repeat gets the first response's bytes and headers.</summary>
    public static async Task ReplaysByteForByteAsync(HttpClient client)
    {
        var reference = ProbeOrders.NewReference();
        var key = ProbeOrders.NewKey();
        var body = ProbeOrders.Body(reference, quantity: 3);

        var first = await ProbeOrders.PostAsync(client, body, key);
        var second = await ProbeOrders.PostAsync(client, body, key);
        var third = await ProbeOrders.PostAsync(client, body, key);

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Null(first.Replayed);
        Assert.Equal($"/api/v1/probe/orders/{first.Number}", first.Location?.OriginalString);
        Assert.StartsWith("application/json", first.ContentType, StringComparison.Ordinal);
        second.AssertReplayOf(first);
        third.AssertReplayOf(first);
        var stored = Assert.Single(await ProbeOrders.ListAsync(client, reference));
        Assert.Equal(first.Number, stored.GetProperty("number").GetInt64());
    }

    /// <summary>Same key, different body: 409 CONFLICT, nothing created, and the first response is still replayed.</summary>
    public static async Task DifferentBodyConflictsAsync(HttpClient client)
    {
        var reference = ProbeOrders.NewReference();
        var key = ProbeOrders.NewKey();
        var first = await ProbeOrders.PostAsync(client, ProbeOrders.Body(reference, quantity: 1), key);

        var other = await ProbeOrders.PostAsync(client, ProbeOrders.Body(reference, quantity: 2), key);

        Assert.Equal(HttpStatusCode.Created, first.Status);
        other.AssertKeyError(HttpStatusCode.Conflict, "CONFLICT");
        Assert.Contains("different request", other.Json.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Single(await ProbeOrders.ListAsync(client, reference));
        (await ProbeOrders.PostAsync(client, ProbeOrders.Body(reference, quantity: 1), key)).AssertReplayOf(first);
    }

    /// <summary>
    /// Many identical requests at once while the handler is slow: exactly one runs and answers
    /// 201; the others answer 409 (still running) or, if they arrive after it finished, replay it.
    /// </summary>
    public static async Task ConcurrentRequestsRunOnceAsync(HttpClient client, int parallel = 10)
    {
        var reference = ProbeOrders.NewReference();
        var key = ProbeOrders.NewKey();
        var body = ProbeOrders.Body(reference, delayMs: 3000);

        var answers = await Task.WhenAll(Enumerable.Range(0, parallel).Select(_ => ProbeOrders.PostAsync(client, body, key)));

        var fresh = Assert.Single(answers, a => a.Status == HttpStatusCode.Created && a.Replayed is null);
        var others = answers.Where(a => !ReferenceEquals(a, fresh)).ToList();
        Assert.All(others, a =>
        {
            if (a.Status == HttpStatusCode.Conflict)
            {
                a.AssertKeyError(HttpStatusCode.Conflict, "CONFLICT");
                Assert.Contains("still being processed", a.Json.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
            }
            else
            {
                a.AssertReplayOf(fresh);
            }
        });
        Assert.Contains(others, a => a.Status == HttpStatusCode.Conflict);
        Assert.Single(await ProbeOrders.ListAsync(client, reference));

        // Once the first has finished, a retry gets its response.
        (await ProbeOrders.PostAsync(client, body, key)).AssertReplayOf(fresh);
    }

    /// <summary>A handler failure (exception or 5xx result) stores nothing and frees the key for the retry.</summary>
    public static async Task FailureReleasesTheKeyAsync(HttpClient client, string fail, HttpStatusCode status, string code)
    {
        var reference = ProbeOrders.NewReference();
        var key = ProbeOrders.NewKey();
        var body = ProbeOrders.Body(reference);

        var failed = await ProbeOrders.PostAsync(client, body, key, fail: fail);
        var retry = await ProbeOrders.PostAsync(client, body, key);
        var again = await ProbeOrders.PostAsync(client, body, key);

        Assert.Equal(status, failed.Status);
        Assert.Equal([code], failed.Json.ErrorCodes());
        Assert.Equal(HttpStatusCode.Created, retry.Status);
        Assert.Null(retry.Replayed);
        again.AssertReplayOf(retry);
        Assert.Single(await ProbeOrders.ListAsync(client, reference));
    }

    /// <summary>
    /// A stored response is replayed until the retention (24 h) runs out; after that the key is
    /// free again, even for another body.
    /// </summary>
    public static async Task ExpiresAfterRetentionAsync(HttpClient client, FakeTimeProvider time)
    {
        var reference = ProbeOrders.NewReference();
        var key = ProbeOrders.NewKey();
        var body = ProbeOrders.Body(reference, quantity: 1);
        var otherBody = ProbeOrders.Body(reference, quantity: 2);
        var first = await ProbeOrders.PostAsync(client, body, key);

        time.Advance(TimeSpan.FromHours(24) - TimeSpan.FromMinutes(1));
        var nearlyADayLater = await ProbeOrders.PostAsync(client, body, key);
        var otherBodyNearlyADayLater = await ProbeOrders.PostAsync(client, otherBody, key);
        time.Advance(TimeSpan.FromMinutes(2));
        var aDayLater = await ProbeOrders.PostAsync(client, otherBody, key);

        Assert.Equal(HttpStatusCode.Created, first.Status);
        nearlyADayLater.AssertReplayOf(first);
        otherBodyNearlyADayLater.AssertKeyError(HttpStatusCode.Conflict, "CONFLICT");
        Assert.Equal(HttpStatusCode.Created, aDayLater.Status);
        Assert.Null(aDayLater.Replayed);
        Assert.Equal(2, (await ProbeOrders.ListAsync(client, reference)).Length);
        (await ProbeOrders.PostAsync(client, otherBody, key)).AssertReplayOf(aDayLater);
    }
}
