using System.Net;
using System.Net.Http.Json;
using System.Text;
using Mercato.Testing;

namespace Mercato.Platform.Tests.Errors;

/// <summary>Every error the framework or an endpoint can produce comes back in seed 004's envelope.</summary>
public sealed class ErrorEnvelopeTests : IAsyncLifetime
{
    private readonly TestHostFactory _factory = new();
    private HttpClient _client = null!;

    public ValueTask InitializeAsync()
    {
        _client = _factory.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Success_response_uses_the_envelope()
    {
        var response = await _client.PostJsonAsync("/api/v1/probe/notes", new { text = "hello", priority = 3 });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await response.ReadJsonAsync();
        Assert.True(json.GetProperty("success").GetBoolean());
        Assert.Equal("hello", json.GetProperty("data").GetProperty("text").GetString());
        Assert.EndsWith("Z", json.GetProperty("timestamp").GetString());
        Assert.EndsWith("Z", json.GetProperty("data").GetProperty("createdAt").GetString());
        Assert.NotNull(response.Headers.Location);
    }

    [Fact]
    public async Task Validation_reports_every_failing_field_at_once_and_stores_nothing()
    {
        var response = await _client.PostJsonAsync("/api/v1/probe/notes", new { text = "", priority = 9, email = "not-an-email" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.ReadErrorAsync();
        Assert.Equal(["text", "priority", "email"], error.ErrorFields());
        Assert.Equal(["REQUIRED_FIELD", "VALIDATION_ERROR", "INVALID_FORMAT"], error.ErrorCodes());
        Assert.Equal("/api/v1/probe/notes", error.GetProperty("path").GetString());
        await AssertNoNotesStoredAsync();
    }

    [Theory]
    [InlineData("{\"text\":", "INVALID_FORMAT", null)]
    [InlineData("{\"text\": \"a\", \"priority\": ", "INVALID_FORMAT", null)]
    [InlineData("not json at all", "INVALID_FORMAT", null)]
    [InlineData("{\"text\":\"a\",\"priority\":\"high\"}", "INVALID_FORMAT", "priority")]
    [InlineData("{\"text\":42,\"priority\":1}", "INVALID_FORMAT", "text")]
    [InlineData("[1,2,3]", "INVALID_FORMAT", null)]
    public async Task Malformed_json_and_wrong_types_answer_400_in_the_envelope(string body, string code, string? field)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        var response = await _client.PostAsync(new Uri("/api/v1/probe/notes", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.ReadErrorAsync();
        Assert.Equal([code], error.ErrorCodes());
        Assert.Equal([field ?? string.Empty], error.ErrorFields());
        await AssertNoNotesStoredAsync();
    }

    [Fact]
    public async Task Missing_body_answers_400_required_field()
    {
        using var content = new StringContent(string.Empty, Encoding.UTF8, "application/json");
        var response = await _client.PostAsync(new Uri("/api/v1/probe/notes", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["REQUIRED_FIELD"], (await response.ReadErrorAsync()).ErrorCodes());
    }

    [Fact]
    public async Task Bad_route_value_answers_404_and_bad_query_value_answers_400_naming_the_field()
    {
        var badId = await _client.GetAsync(new Uri("/api/v1/probe/notes/not-a-guid", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, badId.StatusCode);
        Assert.Equal(["NOT_FOUND"], (await badId.ReadErrorAsync()).ErrorCodes());

        var badQuery = await _client.GetAsync(new Uri("/api/v1/probe/slow?ms=soon", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, badQuery.StatusCode);
        var error = await badQuery.ReadErrorAsync();
        Assert.Equal(["INVALID_FORMAT"], error.ErrorCodes());
        Assert.Equal(["ms"], error.ErrorFields());
    }

    [Fact]
    public async Task Missing_resource_answers_404_from_the_endpoint()
    {
        var response = await _client.GetAsync(new Uri($"/api/v1/probe/notes/{Guid.NewGuid()}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var error = await response.ReadErrorAsync();
        Assert.Equal(["NOT_FOUND"], error.ErrorCodes());
        Assert.Contains("not found", error.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_route_answers_404_in_the_envelope()
    {
        var response = await _client.GetAsync(new Uri("/api/v1/no-such-thing", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(["NOT_FOUND"], (await response.ReadErrorAsync()).ErrorCodes());
    }

    [Fact]
    public async Task Every_error_entry_has_a_field_which_is_null_when_no_input_is_at_fault()
    {
        using var unknown = await _client.GetAsync(new Uri("/api/v1/no-such-thing", UriKind.Relative));
        using var invalid = await _client.PostJsonAsync("/api/v1/probe/notes", new { text = "", priority = 3 });

        var notFound = Assert.Single((await unknown.ReadJsonAsync()).GetProperty("errors").EnumerateArray());
        Assert.True(notFound.TryGetProperty("field", out var none), notFound.ToString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, none.ValueKind);
        var required = Assert.Single((await invalid.ReadJsonAsync()).GetProperty("errors").EnumerateArray());
        Assert.Equal("text", required.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Wrong_method_answers_405_in_the_envelope()
    {
        var response = await _client.DeleteAsync(new Uri("/api/v1/probe/notes", UriKind.Relative));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["METHOD_NOT_ALLOWED"], (await response.ReadErrorAsync()).ErrorCodes());
    }

    [Fact]
    public async Task Unsupported_media_type_answers_415_in_the_envelope()
    {
        using var content = new StringContent("text=hello", Encoding.UTF8, "text/plain");
        var response = await _client.PostAsync(new Uri("/api/v1/probe/notes", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(["UNSUPPORTED_MEDIA_TYPE"], (await response.ReadErrorAsync()).ErrorCodes());
        await AssertNoNotesStoredAsync();
    }

    [Fact]
    public async Task A_dependency_that_gives_no_answer_makes_a_503_with_retry_after_and_nothing_internal()
    {
        var response = await _client.GetAsync(new Uri("/api/v1/probe/downstream-down", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("hunter2", body, StringComparison.Ordinal);
        var error = await response.ReadErrorAsync();
        Assert.Equal(["SERVICE_UNAVAILABLE"], error.ErrorCodes());
        Assert.Contains("Downstream service is temporarily unavailable", error.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unhandled_exception_answers_500_with_trace_id_and_nothing_internal()
    {
        var response = await _client.GetAsync(new Uri("/api/v1/probe/boom", UriKind.Relative));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("hunter2", body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
        var error = await response.ReadErrorAsync();
        Assert.Equal(["INTERNAL_ERROR"], error.ErrorCodes());
        Assert.Matches("^[0-9a-f]{32}$", error.GetProperty("traceId").GetString());
    }

    [Fact]
    public async Task Trace_id_in_the_error_follows_an_incoming_w3c_traceparent()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/no-such-thing");
        request.Headers.Add("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        var response = await _client.SendAsync(request);

        var error = await response.ReadErrorAsync();
        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", error.GetProperty("traceId").GetString());
    }

    [Fact]
    public async Task Security_headers_are_on_every_response()
    {
        var response = await _client.GetAsync(new Uri("/api/v1/no-such-thing", UriKind.Relative));

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    private async Task AssertNoNotesStoredAsync()
    {
        // The outbox would hold a NoteCreated for every stored note; the audit module sees every event.
        var entries = await _client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/audit/entries");
        Assert.Equal(0, entries.GetProperty("data").GetArrayLength());
    }
}
