using System.Net;
using System.Text.Json;
using Mercato.Testing;
using Mercato.Webhooks.Endpoints;
using Mercato.Webhooks.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Webhooks.Tests.Ssrf;

/// <summary>
/// The SSRF defence through HTTP: a corpus of private, loopback, metadata and oddly spelled
/// addresses is refused at registration (400 naming url) and, planted in the database anyway,
/// at send time (each attempt logged as refused, nothing reaches the loopback receiver); a name
/// that rebinds to loopback between the check and the connection is refused when connecting; the
/// allow-list is the only way around the rule; redirects are never followed.
/// </summary>
public abstract class SsrfTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : WebhooksFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    /// <summary>The corpus, with <c>{p}</c> standing for the loopback receiver's port.</summary>
    public static readonly string[] Corpus =
    [
        "http://127.0.0.1:{p}/hook",
        "http://localhost:{p}/hook",
        "http://2130706433:{p}/hook",
        "http://017700000001:{p}/hook",
        "http://0177.0.0.1:{p}/hook",
        "http://0x7f.0.0.1:{p}/hook",
        "http://0x7f000001:{p}/hook",
        "http://127.1:{p}/hook",
        "http://127.0.1:{p}/hook",
        "http://127.0.0.1.:{p}/hook",
        "http://[::1]:{p}/hook",
        "http://[::ffff:127.0.0.1]:{p}/hook",
        "http://[::ffff:7f00:1]:{p}/hook",
        "http://[0:0:0:0:0:ffff:127.0.0.1]:{p}/hook",
        "http://0.0.0.0:{p}/hook",
        "http://0:{p}/hook",
        "https://10.0.0.1/hook",
        "https://172.16.5.4/hook",
        "https://172.31.0.1/hook",
        "https://192.168.0.10/hook",
        "https://169.254.169.254/latest/meta-data/",
        "https://[::ffff:a9fe:a9fe]/latest/meta-data/",
        "https://100.64.0.1/hook",
        "https://224.0.0.1/hook",
        "https://255.255.255.255/hook",
        "https://240.0.0.1/hook",
        "https://192.0.2.1/hook",
        "https://198.51.100.1/hook",
        "https://203.0.113.1/hook",
        "https://[fe80::1]/hook",
        "https://[fc00::1]/hook",
        "https://[fd00:ec2::254]/hook",
        "https://[ff02::1]/hook",
        "https://[::]/hook",
        "https://[64:ff9b::a9fe:a9fe]/hook",
        "https://[2002:7f00:1::1]/hook",
        "https://private.test/hook",
        "https://metadata.test/latest/meta-data/",
        "https://mixed.test/hook",
        "https://v6local.test/hook",
    ];

    [Fact]
    public async Task Every_url_of_the_corpus_is_refused_at_registration()
    {
        Assert.True(Corpus.Length >= 30);
        await using var receiver = await WebhookReceiver.StartAsync();
        var admin = await factory.AdminTokenAsync(_client);
        var before = await CountAsync();
        foreach (var template in Corpus)
        {
            var url = template.Replace("{p}", receiver.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            using var response = await _client.CallAsync(HttpMethod.Post, "/api/v1/webhooks", admin, new { url, events = new[] { "*" } });
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url} was answered {(int)response.StatusCode}");
            var error = await response.ReadErrorAsync();
            Assert.Equal(["VALIDATION_ERROR"], error.ErrorCodes());
            Assert.Equal(["url"], error.ErrorFields());
            var message = error.GetProperty("errors")[0].GetProperty("message").GetString()!;
            Assert.True(message.Contains("not public", StringComparison.Ordinal), $"{url}: {message}");
        }

        Assert.Equal(before, await CountAsync());
        Assert.Empty(receiver.Requests);
    }

    [Fact]
    public async Task Every_url_of_the_corpus_planted_in_the_database_is_refused_at_send_time_and_nothing_arrives()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var admin = await factory.AdminTokenAsync(_client);
        var ids = new List<Guid>();
        await factory.WithDbAsync(async db =>
        {
            foreach (var template in Corpus)
            {
                var endpoint = new WebhookEndpoint
                {
                    Id = Guid.CreateVersion7(),
                    Url = template.Replace("{p}", receiver.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal),
                    Events = "*",
                    Secret = Mercato.Platform.Security.StandardWebhookSignature.NewSecret(),
                    CreatedBy = "planted",
                    CreatedAt = factory.Clock.GetUtcNow().UtcDateTime,
                    UpdatedAt = factory.Clock.GetUtcNow().UtcDateTime,
                };
                db.Endpoints.Add(endpoint);
                ids.Add(endpoint.Id);
            }

            return await db.SaveChangesAsync();
        });

        var deliveries = new List<Guid>();
        foreach (var id in ids)
        {
            deliveries.Add(await _client.SendTestAsync(admin, id));
        }

        foreach (var delivery in deliveries)
        {
            var done = await factory.DeliveryReachesAsync(_client, admin, delivery, "pending", 1);
            var attempt = Assert.Single(done.GetProperty("attempts").EnumerateArray());
            Assert.StartsWith("refused by the SSRF rule", attempt.GetProperty("error").GetString(), StringComparison.Ordinal);
            Assert.Equal(JsonValueKind.Null, attempt.GetProperty("statusCode").ValueKind);
        }

        Assert.Empty(receiver.Requests);
        await factory.WithDbAsync(db => db.Endpoints.Where(e => ids.Contains(e.Id)).ExecuteDeleteAsync());
    }

    [Fact]
    public async Task A_name_that_rebinds_to_loopback_after_the_check_is_refused_when_connecting()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var admin = await factory.AdminTokenAsync(_client);
        var host = "rebind-" + ShopApi.Unique() + ".test";
        factory.Resolver.Set(host, "93.184.216.34");
        var hook = await _client.CreateHookAsync(admin, $"https://{host}:{receiver.Port}/hook", "payment.refunded");

        // The attempt's own check still sees the public address; the connection's lookup gets loopback.
        factory.Resolver.SetFlipping(host, "93.184.216.34", "127.0.0.1");
        var flipped = await _client.SendTestAsync(admin, hook.Id);
        var attempt = (await factory.DeliveryReachesAsync(_client, admin, flipped, "pending", 1)).GetProperty("attempts")[0];
        Assert.StartsWith("refused by the SSRF rule: the address is not public (127.0.0.1", attempt.GetProperty("error").GetString(), StringComparison.Ordinal);

        // Resolving to a private address outright: refused before any connection.
        factory.Resolver.Set(host, "10.1.2.3");
        var rebound = await _client.SendTestAsync(admin, hook.Id);
        var second = (await factory.DeliveryReachesAsync(_client, admin, rebound, "pending", 1)).GetProperty("attempts")[0];
        Assert.StartsWith("refused by the SSRF rule: url is refused: the address is not public (10.1.2.3", second.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Empty(receiver.Requests);
        await DeleteAsync(admin, hook.Id);
    }

    [Fact]
    public async Task Loopback_is_reachable_only_through_the_allow_list()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var admin = await factory.AdminTokenAsync(_client);
        using (var direct = await _client.CallAsync(HttpMethod.Post, "/api/v1/webhooks", admin, new { url = receiver.BaseUrl + "/hook", events = new[] { "*" } }))
        {
            await direct.ExpectErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        }

        var hook = await _client.CreateHookAsync(admin, receiver.UrlAs(), "payment.refunded");
        await factory.DeliveryReachesAsync(_client, admin, await _client.SendTestAsync(admin, hook.Id), "succeeded", 1);
        Assert.Single(receiver.Requests);

        // Plain http to a public host is refused: https is required outside the allow-list.
        using var plain = await _client.CallAsync(HttpMethod.Post, "/api/v1/webhooks", admin, new { url = $"http://{WebhooksFactory.PublicHost}/hook", events = new[] { "*" } });
        var error = await plain.ReadErrorAsync();
        Assert.Equal(HttpStatusCode.BadRequest, plain.StatusCode);
        Assert.Contains("https", error.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        await DeleteAsync(admin, hook.Id);
    }

    [Fact]
    public async Task A_redirect_is_a_failed_attempt_and_is_not_followed()
    {
        await using var target = await WebhookReceiver.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = c =>
        {
            c.Response.StatusCode = 307;
            c.Response.Headers.Location = target.UrlAs();
            return Task.CompletedTask;
        };
        var admin = await factory.AdminTokenAsync(_client);
        var hook = await _client.CreateHookAsync(admin, receiver.UrlAs(), "payment.refunded");
        var delivery = await factory.DeliveryReachesAsync(_client, admin, await _client.SendTestAsync(admin, hook.Id), "pending", 1);
        Assert.Equal(307, delivery.GetProperty("lastStatusCode").GetInt32());
        Assert.Empty(target.Requests);
        await DeleteAsync(admin, hook.Id);
    }

    private Task<int> CountAsync() => factory.WithDbAsync(db => db.Endpoints.CountAsync());

    private async Task DeleteAsync(string admin, Guid hook)
    {
        using var response = await _client.CallAsync(HttpMethod.Delete, $"/api/v1/webhooks/{hook}", admin);
        await response.ExpectAsync(HttpStatusCode.OK);
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteSsrfTests(WebhooksFactory factory) : SsrfTests<WebhooksFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresSsrfTests(PostgresWebhooksFactory factory) : SsrfTests<PostgresWebhooksFactory>(factory);
