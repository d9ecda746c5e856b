using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Mercato.Platform.Security;
using Mercato.Testing;
using Mercato.Webhooks.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Webhooks.Tests.Api;

/// <summary>
/// The administrators' API: create (the secret answered once), list, read, change, delete,
/// enable / disable, rotate, test, the event list; its bad-input paths change nothing; anonymous
/// callers get 401, customers 403, unknown ids 404.
/// </summary>
public abstract class AdminApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : WebhooksFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Creating_answers_a_generated_secret_once_and_reading_never_shows_it()
    {
        var admin = await factory.AdminTokenAsync(_client);
        using var response = await _client.CallAsync(HttpMethod.Post, "/api/v1/webhooks", admin, new
        {
            url = $"https://{WebhooksFactory.PublicHost}/webhooks/ecommerce",
            events = new[] { "order.created", "order.paid", "order.shipped", "user.created", "order.created" },
            description = "ERP",
        });
        await response.ExpectAsync(HttpStatusCode.Created);
        var data = (await response.ReadJsonAsync()).GetProperty("data");
        var id = data.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/webhooks/{id}", response.Headers.Location?.ToString());
        Assert.Equal("active", data.GetProperty("status").GetString());
        Assert.Equal(["order.created", "order.paid", "order.shipped", "user.registered"], data.GetProperty("events").EnumerateArray().Select(e => e.GetString()!).ToArray());
        var secret = data.GetProperty("secret").GetString()!;
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        Assert.Equal(32, Convert.FromBase64String(secret["whsec_".Length..]).Length);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);

        var read = await _client.HookAsync(admin, id);
        Assert.False(read.TryGetProperty("secret", out _));
        Assert.Equal("ERP", read.GetProperty("description").GetString());
        using var list = await _client.CallAsync(HttpMethod.Get, "/api/v1/webhooks?pageSize=100", admin);
        await list.ExpectAsync(HttpStatusCode.OK);
        var text = await list.Content.ReadAsStringAsync();
        Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"secret\"", text, StringComparison.Ordinal);
        Assert.Contains((await list.ReadJsonAsync()).GetProperty("data").GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == id);

        // A secret given is kept (and answered once).
        var mine = StandardWebhookSignature.NewSecret();
        using var given = await _client.CallAsync(HttpMethod.Post, "/api/v1/webhooks", admin, new { url = $"https://{WebhooksFactory.PublicHost}/b", events = new[] { "order.cancelled" }, secret = mine });
        await given.ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(mine, (await given.ReadJsonAsync()).GetProperty("data").GetProperty("secret").GetString());
        Assert.Equal(mine, await factory.WithDbAsync(db => db.Endpoints.Where(e => e.Url == $"https://{WebhooksFactory.PublicHost}/b").Select(e => e.Secret).FirstAsync()));
    }

    [Fact]
    public async Task Bad_registrations_answer_400_naming_the_field_and_store_nothing()
    {
        var admin = await factory.AdminTokenAsync(_client);
        var before = await factory.WithDbAsync(db => db.Endpoints.CountAsync());
        var url = $"https://{WebhooksFactory.PublicHost}/hook";
        (object Body, string Field)[] cases =
        [
            (new { events = new[] { "*" } }, "url"),
            (new { url = "not a url", events = new[] { "*" } }, "url"),
            (new { url = "ftp://public.example/hook", events = new[] { "*" } }, "url"),
            (new { url = "https://user:pass@public.example/hook", events = new[] { "*" } }, "url"),
            (new { url = "https://public.example/hook#frag", events = new[] { "*" } }, "url"),
            (new { url = "https://unknown-name.test/hook", events = new[] { "*" } }, "url"),
            (new { url = "https://public.example/" + new string('a', 2100), events = new[] { "*" } }, "url"),
            (new { url, events = Array.Empty<string>() }, "events"),
            (new { url }, "events"),
            (new { url, events = new[] { "order.exploded" } }, "events"),
            (new { url, events = new[] { "*" }, secret = "plain-text-secret" }, "secret"),
            (new { url, events = new[] { "*" }, secret = "whsec_" + Convert.ToBase64String(new byte[8]) }, "secret"),
            (new { url, events = new[] { "*" }, description = new string('d', 501) }, "description"),
        ];
        foreach (var (body, field) in cases)
        {
            using var response = await _client.CallAsync(HttpMethod.Post, "/api/v1/webhooks", admin, body);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{JsonSerializer.Serialize(body)[..Math.Min(120, JsonSerializer.Serialize(body).Length)]} answered {(int)response.StatusCode}");
            var error = await response.ReadErrorAsync();
            Assert.Contains(field, error.ErrorFields());
            Assert.All(error.ErrorCodes(), code => Assert.Contains(code, new[] { "VALIDATION_ERROR", "REQUIRED_FIELD" }));
        }

        using (var malformed = new HttpRequestMessage(HttpMethod.Post, "/api/v1/webhooks") { Content = new StringContent("{\"url\": ", Encoding.UTF8, "application/json") })
        {
            malformed.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin);
            using var response = await _client.SendAsync(malformed);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.False((await response.ReadJsonAsync()).GetProperty("success").GetBoolean());
        }

        Assert.Equal(before, await factory.WithDbAsync(db => db.Endpoints.CountAsync()));
    }

    [Fact]
    public async Task An_endpoint_is_changed_disabled_enabled_rotated_and_deleted()
    {
        var admin = await factory.AdminTokenAsync(_client);
        var hook = await _client.CreateHookAsync(admin, $"https://{WebhooksFactory.PublicHost}/one", "order.created");

        using (var patch = await _client.CallAsync(HttpMethod.Patch, $"/api/v1/webhooks/{hook.Id}", admin, new { events = new[] { "product.created", "product.deleted" } }))
        {
            await patch.ExpectAsync(HttpStatusCode.OK);
            var data = (await patch.ReadJsonAsync()).GetProperty("data");
            Assert.Equal(["product.created", "product.deleted"], data.GetProperty("events").EnumerateArray().Select(e => e.GetString()!).ToArray());
            Assert.Equal($"https://{WebhooksFactory.PublicHost}/one", data.GetProperty("url").GetString());
            Assert.Equal("test", data.GetProperty("description").GetString());
        }

        using (var put = await _client.CallAsync(HttpMethod.Put, $"/api/v1/webhooks/{hook.Id}", admin, new { url = $"https://{WebhooksFactory.PublicHost}/two", events = new[] { "*" } }))
        {
            await put.ExpectAsync(HttpStatusCode.OK);
            var data = (await put.ReadJsonAsync()).GetProperty("data");
            Assert.Equal($"https://{WebhooksFactory.PublicHost}/two", data.GetProperty("url").GetString());
            Assert.Equal(JsonValueKind.Null, data.GetProperty("description").ValueKind);
        }

        using (var putMissing = await _client.CallAsync(HttpMethod.Put, $"/api/v1/webhooks/{hook.Id}", admin, new { description = "x" }))
        {
            var error = await putMissing.ReadErrorAsync();
            Assert.Equal(HttpStatusCode.BadRequest, putMissing.StatusCode);
            Assert.Equal(["events", "url"], error.ErrorFields().Order(StringComparer.Ordinal).ToArray());
        }

        using (var privateUrl = await _client.CallAsync(HttpMethod.Patch, $"/api/v1/webhooks/{hook.Id}", admin, new { url = "https://169.254.169.254/" }))
        {
            await privateUrl.ExpectErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        }

        Assert.Equal($"https://{WebhooksFactory.PublicHost}/two", (await _client.HookAsync(admin, hook.Id)).GetProperty("url").GetString());

        using (var disable = await _client.CallAsync(HttpMethod.Post, $"/api/v1/webhooks/{hook.Id}/disable", admin))
        {
            await disable.ExpectAsync(HttpStatusCode.OK);
            Assert.Equal("disabled", (await disable.ReadJsonAsync()).GetProperty("data").GetProperty("status").GetString());
        }

        using (var testDisabled = await _client.CallAsync(HttpMethod.Post, $"/api/v1/webhooks/{hook.Id}/test", admin))
        {
            await testDisabled.ExpectErrorAsync(HttpStatusCode.Conflict, "CONFLICT");
        }

        using (var enable = await _client.CallAsync(HttpMethod.Post, $"/api/v1/webhooks/{hook.Id}/enable", admin))
        {
            await enable.ExpectAsync(HttpStatusCode.OK);
            Assert.Equal("active", (await enable.ReadJsonAsync()).GetProperty("data").GetProperty("status").GetString());
        }

        string rotated;
        using (var rotate = await _client.CallAsync(HttpMethod.Post, $"/api/v1/webhooks/{hook.Id}/rotate-secret", admin))
        {
            await rotate.ExpectAsync(HttpStatusCode.OK);
            var data = (await rotate.ReadJsonAsync()).GetProperty("data");
            rotated = data.GetProperty("secret").GetString()!;
            Assert.NotEqual(hook.Secret, rotated);
            Assert.True(StandardWebhookSignature.TryValidateSecret(rotated, out _));
            Assert.Equal(JsonValueKind.String, data.GetProperty("previousSecretExpiresAt").ValueKind);
        }

        Assert.False((await _client.HookAsync(admin, hook.Id)).TryGetProperty("secret", out _));
        using (var badRotate = await _client.CallAsync(HttpMethod.Post, $"/api/v1/webhooks/{hook.Id}/rotate-secret", admin, new { secret = "nope" }))
        {
            await badRotate.ExpectErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        }

        using (var sameRotate = await _client.CallAsync(HttpMethod.Post, $"/api/v1/webhooks/{hook.Id}/rotate-secret", admin, new { secret = rotated }))
        {
            await sameRotate.ExpectErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        }

        // Each field of the body may be left out (the document requires none): here the secret is generated.
        using (var overlapOnly = await _client.CallAsync(HttpMethod.Post, $"/api/v1/webhooks/{hook.Id}/rotate-secret", admin, new { overlapMinutes = 0 }))
        {
            await overlapOnly.ExpectAsync(HttpStatusCode.OK);
            Assert.NotEqual(rotated, (await overlapOnly.ReadJsonAsync()).GetProperty("data").GetProperty("secret").GetString());
        }

        using (var openApi = await _client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative)))
        {
            var rotateBody = (await openApi.ReadJsonAsync()).GetProperty("components").GetProperty("schemas").GetProperty("RotateSecretRequest");
            Assert.False(rotateBody.TryGetProperty("required", out var required), $"RotateSecretRequest requires {required}");
        }

        using (var delete = await _client.CallAsync(HttpMethod.Delete, $"/api/v1/webhooks/{hook.Id}", admin))
        {
            await delete.ExpectAsync(HttpStatusCode.OK);
        }

        using var gone = await _client.CallAsync(HttpMethod.Get, $"/api/v1/webhooks/{hook.Id}", admin);
        await gone.ExpectErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        Assert.False(await factory.WithDbAsync(db => db.Endpoints.AnyAsync(e => e.Id == hook.Id)));
    }

    [Fact]
    public async Task The_event_list_names_what_one_can_subscribe_to()
    {
        var admin = await factory.AdminTokenAsync(_client);
        using var response = await _client.CallAsync(HttpMethod.Get, "/api/v1/webhooks/events", admin);
        await response.ExpectAsync(HttpStatusCode.OK);
        var names = (await response.ReadJsonAsync()).GetProperty("data").EnumerateArray().Select(e => e.GetProperty("name").GetString()!).ToList();
        foreach (var name in new[]
        {
            "order.created", "order.updated", "order.paid", "order.shipped", "order.delivered", "order.cancelled", "payment.succeeded", "payment.failed",
            "payment.refunded", "product.created", "product.updated", "product.deleted", "user.registered", "user.updated", "support.message.created",
        })
        {
            Assert.Contains(name, names);
        }
    }

    [Fact]
    public async Task Unknown_ids_answer_404_and_bad_queries_400()
    {
        var admin = await factory.AdminTokenAsync(_client);
        var id = Guid.NewGuid();
        (HttpMethod Method, string Path, object? Body)[] calls =
        [
            (HttpMethod.Get, $"/api/v1/webhooks/{id}", null),
            (HttpMethod.Put, $"/api/v1/webhooks/{id}", new { url = $"https://{WebhooksFactory.PublicHost}/x", events = new[] { "*" } }),
            (HttpMethod.Patch, $"/api/v1/webhooks/{id}", new { description = "x" }),
            (HttpMethod.Delete, $"/api/v1/webhooks/{id}", null),
            (HttpMethod.Post, $"/api/v1/webhooks/{id}/enable", null),
            (HttpMethod.Post, $"/api/v1/webhooks/{id}/disable", null),
            (HttpMethod.Post, $"/api/v1/webhooks/{id}/rotate-secret", null),
            (HttpMethod.Post, $"/api/v1/webhooks/{id}/test", null),
            (HttpMethod.Get, $"/api/v1/webhooks/{id}/deliveries", null),
            (HttpMethod.Get, $"/api/v1/webhooks/deliveries/{id}", null),
            (HttpMethod.Post, $"/api/v1/webhooks/deliveries/{id}/replay", null),
        ];
        foreach (var (method, path, body) in calls)
        {
            using var response = await _client.CallAsync(method, path, admin, body);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {path} answered {(int)response.StatusCode}");
            Assert.Equal(["NOT_FOUND"], (await response.ReadErrorAsync()).ErrorCodes());
        }

        foreach (var query in new[] { "?status=lost", "?event=order.exploded", "?pageSize=0", "?pageNumber=0" })
        {
            using var response = await _client.CallAsync(HttpMethod.Get, "/api/v1/webhooks/deliveries" + query, admin);
            await response.ExpectErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        }

        using var badList = await _client.CallAsync(HttpMethod.Get, "/api/v1/webhooks?pageSize=101", admin);
        await badList.ExpectErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }

    [Fact]
    public async Task Anonymous_callers_get_401_and_customers_403()
    {
        var admin = await factory.AdminTokenAsync(_client);
        var hook = await _client.CreateHookAsync(admin, $"https://{WebhooksFactory.PublicHost}/auth", "order.cancelled");
        var (_, _, customer) = await _client.RegisterCustomerAsync();
        (HttpMethod Method, string Path)[] calls =
        [
            (HttpMethod.Post, "/api/v1/webhooks"),
            (HttpMethod.Get, "/api/v1/webhooks"),
            (HttpMethod.Get, "/api/v1/webhooks/events"),
            (HttpMethod.Get, $"/api/v1/webhooks/{hook.Id}"),
            (HttpMethod.Patch, $"/api/v1/webhooks/{hook.Id}"),
            (HttpMethod.Delete, $"/api/v1/webhooks/{hook.Id}"),
            (HttpMethod.Post, $"/api/v1/webhooks/{hook.Id}/disable"),
            (HttpMethod.Post, $"/api/v1/webhooks/{hook.Id}/rotate-secret"),
            (HttpMethod.Post, $"/api/v1/webhooks/{hook.Id}/test"),
            (HttpMethod.Get, $"/api/v1/webhooks/{hook.Id}/deliveries"),
            (HttpMethod.Post, $"/api/v1/webhooks/{hook.Id}/replay"),
            (HttpMethod.Get, "/api/v1/webhooks/deliveries"),
        ];
        foreach (var (method, path) in calls)
        {
            using var anonymous = await _client.CallAsync(method, path, null, new { url = "https://public.example/x", events = new[] { "*" } });
            Assert.True(anonymous.StatusCode == HttpStatusCode.Unauthorized, $"anonymous {method} {path}: {(int)anonymous.StatusCode}");
            Assert.Equal(["UNAUTHORIZED"], (await anonymous.ReadErrorAsync()).ErrorCodes());
            using var asCustomer = await _client.CallAsync(method, path, customer, new { url = "https://public.example/x", events = new[] { "*" } });
            Assert.True(asCustomer.StatusCode == HttpStatusCode.Forbidden, $"customer {method} {path}: {(int)asCustomer.StatusCode}");
            Assert.Equal(["FORBIDDEN"], (await asCustomer.ReadErrorAsync()).ErrorCodes());
        }

        var after = await _client.HookAsync(admin, hook.Id);
        Assert.Equal("active", after.GetProperty("status").GetString());
        Assert.Equal(0, await factory.WithDbAsync(db => db.Deliveries.CountAsync(d => d.EndpointId == hook.Id)));
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteAdminApiTests(WebhooksFactory factory) : AdminApiTests<WebhooksFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresAdminApiTests(PostgresWebhooksFactory factory) : AdminApiTests<PostgresWebhooksFactory>(factory);
