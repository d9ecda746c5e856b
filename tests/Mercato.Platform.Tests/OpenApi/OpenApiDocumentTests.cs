using System.Net;
using System.Text.Json;
using Mercato.Testing;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Mercato.Platform.Tests.OpenApi;

/// <summary>
/// The OpenAPI documents a client generator or a reader relies on: one per module plus one for
/// everything hosted, describing the envelope, the error form, auth and the common headers.
/// </summary>
public sealed class OpenApiDocumentTests(TestHostFactory factory) : IClassFixture<TestHostFactory>
{
    private const string ErrorSchemaRef = "#/components/schemas/ErrorResponse";
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task V1_document_covers_every_hosted_module_and_nothing_of_the_platform()
    {
        var document = await GetDocumentAsync("v1");

        Assert.Equal("Mercato API", document.GetProperty("info").GetProperty("title").GetString());
        Assert.Equal("v1", document.GetProperty("info").GetProperty("version").GetString());
        Assert.Contains("errors: [{code, message, field}]", document.GetProperty("info").GetProperty("description").GetString(), StringComparison.Ordinal);
        var paths = PathsOf(document);
        Assert.Contains("/api/v1/probe/notes", paths);
        Assert.Contains("/api/v1/probe/notes/{id}", paths);
        Assert.Contains("/api/v1/probe/admin", paths);
        Assert.Contains("/api/v1/audit/entries", paths);
        Assert.DoesNotContain(paths, p => p.StartsWith("/health", StringComparison.Ordinal)
            || p.StartsWith("/openapi", StringComparison.Ordinal)
            || p.StartsWith("/api/docs", StringComparison.Ordinal));
        Assert.False(document.TryGetProperty("servers", out var servers) && servers.GetArrayLength() > 0);
    }

    [Theory]
    [InlineData("probe", "Mercato API: Probe", "/api/v1/probe/notes", "/api/v1/probe/")]
    [InlineData("audit", "Mercato API: Audit", "/api/v1/audit/entries", "/api/v1/audit/")]
    public async Task Each_module_has_its_own_document_with_only_its_paths(string module, string title, string path, string prefix)
    {
        var document = await GetDocumentAsync(module);

        Assert.Equal(title, document.GetProperty("info").GetProperty("title").GetString());
        var paths = PathsOf(document);
        Assert.Contains(path, paths);
        // Its own paths, and its messaging operations (parked outbox rows, dead letters) under the prefix it owns for them.
        Assert.All(paths, p => Assert.True(
            p.StartsWith(prefix, StringComparison.Ordinal) || p.StartsWith($"/api/v1/operations/{module}/", StringComparison.Ordinal), p));
    }

    [Theory]
    [InlineData("v1")]
    [InlineData("probe")]
    [InlineData("audit")]
    public async Task Documents_are_valid_openapi_and_every_reference_resolves(string name)
    {
        var response = await _client.GetAsync(new Uri($"/openapi/{name}.json", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();

        var read = OpenApiDocument.Parse(text, OpenApiConstants.Json, new OpenApiReaderSettings());
        Assert.NotNull(read.Document);
        Assert.Empty(read.Diagnostic?.Errors ?? []);
        var document = JsonDocument.Parse(text).RootElement;
        var references = ReferencesIn(document).Distinct().ToList();
        Assert.NotEmpty(references);
        Assert.All(references, reference => Assert.True(Resolve(document, reference).HasValue, $"{reference} does not resolve"));
        Assert.All(
            document.GetProperty("components").GetProperty("schemas").EnumerateObject(),
            schema => Assert.Matches("^[A-Za-z0-9]+$", schema.Name));
    }

    [Fact]
    public async Task Success_responses_use_the_envelope_with_readable_schema_names()
    {
        var document = await GetDocumentAsync("v1");

        var create = Operation(document, "/api/v1/probe/notes", "post");
        Assert.Equal("#/components/schemas/ApiResponseOfNoteResponse", SchemaRef(create, "201"));
        Assert.Equal("#/components/schemas/ApiResponseOfAuditEntryResponseList", SchemaRef(Operation(document, "/api/v1/audit/entries", "get"), "200"));
        var envelope = document.GetProperty("components").GetProperty("schemas").GetProperty("ApiResponseOfNoteResponse").GetProperty("properties");
        Assert.Equal("boolean", envelope.GetProperty("success").GetProperty("type").GetString());
        Assert.Equal("string", envelope.GetProperty("timestamp").GetProperty("type").GetString());
        Assert.Equal("date-time", envelope.GetProperty("timestamp").GetProperty("format").GetString());
        Assert.True(envelope.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task Error_form_is_one_schema_referenced_by_every_error_response()
    {
        var document = await GetDocumentAsync("v1");

        var error = document.GetProperty("components").GetProperty("schemas").GetProperty("ErrorResponse").GetProperty("properties");
        Assert.Equal(
            ["errors", "message", "path", "retryAfter", "success", "timestamp", "traceId"],
            error.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        var entry = error.GetProperty("errors").GetProperty("items").GetProperty("properties");
        Assert.Equal(["code", "field", "message"], entry.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));

        foreach (var (path, method, operation) in Operations(document))
        {
            var statuses = operation.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToList();
            Assert.Contains("429", statuses);
            Assert.Contains("500", statuses);
            Assert.Contains("503", statuses);
            Assert.All(
                statuses.Where(s => s[0] is '4' or '5'),
                status => Assert.True(SchemaRef(operation, status) == ErrorSchemaRef, $"{method} {path} {status} does not use ErrorResponse"));
        }
    }

    [Fact]
    public async Task Error_responses_follow_what_each_operation_can_fail_with()
    {
        var document = await GetDocumentAsync("v1");

        Assert.Equal(["201", "400", "429", "500", "503"], Statuses(Operation(document, "/api/v1/probe/notes", "post")));
        Assert.Equal(["200", "400", "404", "429", "500", "503"], Statuses(Operation(document, "/api/v1/probe/notes/{id}", "get")));
        Assert.Equal(["200", "429", "500", "503"], Statuses(Operation(document, "/api/v1/probe/boom", "get")));
        Assert.Equal(["200", "401", "403", "429", "500", "503"], Statuses(Operation(document, "/api/v1/probe/admin", "get")));
        Assert.Equal(["200", "400", "429", "500", "503"], Statuses(Operation(document, "/api/v1/audit/entries", "get")));
    }

    [Fact]
    public async Task Api_error_result_adds_no_schema_of_its_own()
    {
        var document = await GetDocumentAsync("probe");

        var schemas = document.GetProperty("components").GetProperty("schemas").EnumerateObject().Select(s => s.Name).ToList();
        Assert.DoesNotContain(schemas, s => s.Contains("ApiErrorResult", StringComparison.Ordinal) || s.StartsWith("ApiError", StringComparison.Ordinal));
        var get = Operation(document, "/api/v1/probe/notes/{id}", "get");
        Assert.Equal("#/components/schemas/ApiResponseOfNoteResponse", SchemaRef(get, "200"));
        Assert.Equal(ErrorSchemaRef, SchemaRef(get, "404"));
    }

    [Fact]
    public async Task Bearer_scheme_is_declared_and_required_only_where_endpoints_authorize()
    {
        var document = await GetDocumentAsync("v1");

        var bearer = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("http", bearer.GetProperty("type").GetString());
        Assert.Equal("bearer", bearer.GetProperty("scheme").GetString());
        Assert.Equal("JWT", bearer.GetProperty("bearerFormat").GetString());

        var admin = Operation(document, "/api/v1/probe/admin", "get");
        var requirement = Assert.Single(admin.GetProperty("security").EnumerateArray());
        Assert.Equal(["Admin"], requirement.GetProperty("Bearer").EnumerateArray().Select(r => r.GetString()));
        Assert.Contains("`Admin`", admin.GetProperty("description").GetString(), StringComparison.Ordinal);

        // Service-only (a service scope) is left out unless OpenApi:IncludeServiceEndpoints is on.
        Assert.DoesNotContain("/api/v1/probe/service", PathsOf(document));

        foreach (var anonymous in new[] { ("/api/v1/probe/notes", "post"), ("/api/v1/probe/notes/{id}", "get"), ("/api/v1/audit/entries", "get") })
        {
            Assert.False(Operation(document, anonymous.Item1, anonymous.Item2).TryGetProperty("security", out _), $"{anonymous} should be anonymous");
        }

        Assert.False(document.TryGetProperty("security", out _), "no document-wide requirement: anonymous operations stay anonymous");
    }

    [Fact]
    public async Task Correlation_and_rate_limit_headers_are_documented_on_every_operation()
    {
        var document = await GetDocumentAsync("v1");
        var components = document.GetProperty("components");

        Assert.Equal("header", components.GetProperty("parameters").GetProperty("X-Correlation-Id").GetProperty("in").GetString());
        foreach (var (path, method, operation) in Operations(document))
        {
            Assert.Contains(
                operation.GetProperty("parameters").EnumerateArray(),
                p => p.TryGetProperty("$ref", out var r) && r.GetString() == "#/components/parameters/X-Correlation-Id");
            foreach (var response in operation.GetProperty("responses").EnumerateObject())
            {
                var headers = response.Value.GetProperty("headers").EnumerateObject().Select(h => h.Name).ToList();
                Assert.True(
                    new[] { "X-Correlation-Id", "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset" }.All(headers.Contains),
                    $"{method} {path} {response.Name} lacks a common header: {string.Join(", ", headers)}");
            }

            Assert.Contains("Retry-After", operation.GetProperty("responses").GetProperty("429").GetProperty("headers").EnumerateObject().Select(h => h.Name));
            Assert.Contains("Retry-After", operation.GetProperty("responses").GetProperty("503").GetProperty("headers").EnumerateObject().Select(h => h.Name));
        }
    }

    [Fact]
    public async Task Unknown_document_answers_404_in_the_envelope()
    {
        var response = await _client.GetAsync(new Uri("/openapi/nothing.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(["NOT_FOUND"], (await response.ReadErrorAsync()).ErrorCodes());
    }

    private async Task<JsonElement> GetDocumentAsync(string name)
    {
        var response = await _client.GetAsync(new Uri($"/openapi/{name}.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return await response.ReadJsonAsync();
    }

    private static List<string> PathsOf(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

    private static JsonElement Operation(JsonElement document, string path, string method) =>
        document.GetProperty("paths").GetProperty(path).GetProperty(method);

    private static IEnumerable<(string Path, string Method, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(m => (p.Name, m.Name, m.Value)));

    private static string[] Statuses(JsonElement operation) =>
        operation.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToArray();

    private static string? SchemaRef(JsonElement operation, string status) =>
        operation.GetProperty("responses").GetProperty(status).GetProperty("content").GetProperty("application/json")
            .GetProperty("schema").GetProperty("$ref").GetString();

    private static IEnumerable<string> ReferencesIn(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Name == "$ref" && property.Value.ValueKind == JsonValueKind.String)
                {
                    yield return property.Value.GetString()!;
                }

                foreach (var nested in ReferencesIn(property.Value))
                {
                    yield return nested;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var nested in element.EnumerateArray().SelectMany(ReferencesIn))
            {
                yield return nested;
            }
        }
    }

    private static JsonElement? Resolve(JsonElement document, string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            return null;
        }

        var current = document;
        foreach (var segment in reference[2..].Split('/'))
        {
            var name = segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return null;
            }
        }

        return current;
    }
}
