using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mercato.Testing;

namespace Mercato.Platform.Tests.Errors;

/// <summary>
/// <c>Http:MaxRequestBodyBytes</c> is enforced by the real server (Kestrel): a larger body answers
/// 413 in the envelope and changes nothing.
/// </summary>
public sealed class RequestSizeLimitTests : IAsyncLifetime
{
    private readonly TestHostFactory _factory = new();
    private HttpClient _client = null!;

    public ValueTask InitializeAsync()
    {
        _factory.Settings["Http:MaxRequestBodyBytes"] = "2048";
        _client = new HttpClient { BaseAddress = _factory.StartKestrel() };
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task A_body_over_the_limit_answers_413_in_the_envelope_and_stores_nothing()
    {
        var response = await _client.PostJsonAsync("/api/v1/probe/notes", new { text = new string('a', 4096), priority = 1 });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var error = await response.ReadErrorAsync();
        Assert.Equal(["PAYLOAD_TOO_LARGE"], error.ErrorCodes());
        var entries = await _client.GetFromJsonAsync<JsonElement>("/api/v1/audit/entries");
        Assert.Equal(0, entries.GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task A_body_under_the_limit_is_accepted()
    {
        var response = await _client.PostJsonAsync("/api/v1/probe/notes", new { text = new string('b', 150), priority = 1 });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
