using System.Net;
using System.Text.Json;
using Mercato.Testing;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Mercato.Server.Tests.OpenApi;

/// <summary>
/// What the whole server's <c>/openapi/v1.json</c> tells a client, checked against what the server
/// does: the limits it enforces, the guest's cart key, the 401s, file content types, no computed
/// fields as inputs, a tree that refers to itself by name, and no service-only endpoints.
/// </summary>
public sealed class PublishedDocumentTests(ServerDocumentFactory factory) : IClassFixture<ServerDocumentFactory>
{
    private static readonly string[] ComputedFields =
    [
        "id", "subtotal", "tax", "total", "discountPercent", "priceAfterDiscount", "timesRedeemed", "orderNumber",
        "createdAt", "updatedAt", "averageRating", "reviewCount", "isPaid", "paidAt", "statusHistory",
    ];

    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task String_lengths_array_sizes_and_page_sizes_published_are_the_ones_the_server_refuses_one_past()
    {
        var document = await DocumentAsync();
        var schemas = document.GetProperty("components").GetProperty("schemas");

        var firstName = schemas.GetProperty("RegisterRequest").GetProperty("properties").GetProperty("firstName");
        var maxName = firstName.GetProperty("maxLength").GetInt32();
        using var tooLong = await _client.PostJsonAsync("/api/v1/auth/register", new
        {
            email = "limits@example.test", password = "Limits-Passw0rd!", firstName = new string('a', maxName + 1), lastName = "Doc",
        });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(["firstName"], (await tooLong.ReadErrorAsync()).ErrorFields());
        using var longest = await _client.PostJsonAsync("/api/v1/auth/register", new
        {
            email = "limits@example.test", password = "Limits-Passw0rd!", firstName = new string('a', maxName), lastName = "Doc",
        });
        Assert.Equal(HttpStatusCode.Created, longest.StatusCode);

        var ids = schemas.GetProperty("StockLookupRequest").GetProperty("properties").GetProperty("ids");
        var maxIds = ids.GetProperty("maxItems").GetInt32();
        using var tooMany = await _client.PostJsonAsync("/api/v1/products/stock", new { ids = Enumerable.Range(0, maxIds + 1).Select(_ => Guid.NewGuid()) });
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Equal(["ids"], (await tooMany.ReadErrorAsync()).ErrorFields());
        using var most = await _client.PostJsonAsync("/api/v1/products/stock", new { ids = Enumerable.Range(0, maxIds).Select(_ => Guid.NewGuid()) });
        Assert.Equal(HttpStatusCode.OK, most.StatusCode);

        var pageSize = Parameter(Operation(document, "/api/v1/products", "get"), "pageSize").GetProperty("schema");
        Assert.Equal(1, pageSize.GetProperty("minimum").GetInt32());
        var maxPage = pageSize.GetProperty("maximum").GetInt32();
        using var bigPage = await _client.GetAsync(new Uri($"/api/v1/products?pageSize={maxPage + 1}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, bigPage.StatusCode);
        Assert.Equal(["pageSize"], (await bigPage.ReadErrorAsync()).ErrorFields());
        using var biggest = await _client.GetAsync(new Uri($"/api/v1/products?pageSize={maxPage}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, biggest.StatusCode);
        Assert.All(
            Operations(document).SelectMany(o => Parameters(o.Operation)).Where(p => p.GetProperty("name").GetString()!.Equals("pageSize", StringComparison.OrdinalIgnoreCase)),
            p => Assert.Equal(maxPage, p.GetProperty("schema").GetProperty("maximum").GetInt32()));

        var rating = schemas.GetProperty("CreateReviewRequest").GetProperty("properties").GetProperty("rating");
        Assert.Equal([1, 5], new[] { rating.GetProperty("minimum").GetInt32(), rating.GetProperty("maximum").GetInt32() });
    }

    [Fact]
    public async Task The_guest_cart_key_is_an_api_key_scheme_offered_beside_bearer_and_401_is_listed_where_the_server_answers_it()
    {
        var document = await DocumentAsync();

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("CartKey");
        Assert.Equal("apiKey", scheme.GetProperty("type").GetString());
        Assert.Equal("header", scheme.GetProperty("in").GetString());
        Assert.Equal("X-Cart-Key", scheme.GetProperty("name").GetString());
        Assert.Contains("RFC8725", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("description").GetString(), StringComparison.Ordinal);

        foreach (var (path, method) in new[] { ("/api/v1/orders", "post"), ("/api/v1/orders", "get"), ("/api/v1/orders/{id}", "get"), ("/api/v1/orders/{id}/cancel", "post"), ("/api/v1/orders/{id}/invoice", "get") })
        {
            var operation = Operation(document, path, method);
            Assert.Equal([["Bearer"], ["CartKey"]], Schemes(operation));
            Assert.Contains("401", Statuses(operation));
        }

        foreach (var (path, method) in new[] { ("/api/v1/cart", "get"), ("/api/v1/cart/items", "post"), ("/api/v1/cart/apply-coupon", "post") })
        {
            var operation = Operation(document, path, method);
            Assert.Equal([["Bearer"], ["CartKey"], []], Schemes(operation));
            Assert.DoesNotContain("401", Statuses(operation));
        }

        using var orders = await _client.GetAsync(new Uri("/api/v1/orders", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, orders.StatusCode);
        using var invoice = await _client.GetAsync(new Uri($"/api/v1/orders/{Guid.NewGuid()}/invoice", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, invoice.StatusCode);
        using var cart = await _client.GetAsync(new Uri("/api/v1/cart", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, cart.StatusCode);

        Assert.All(
            Operations(document).Where(o => o.Operation.TryGetProperty("security", out var s) && s.EnumerateArray().All(r => r.EnumerateObject().Any())),
            o => Assert.True(Statuses(o.Operation).Contains("401"), $"{o.Method} {o.Path} requires auth but lists no 401"));
    }

    [Fact]
    public async Task The_invoice_and_the_pictures_declare_their_content_types()
    {
        var document = await DocumentAsync();

        var invoice = Operation(document, "/api/v1/orders/{id}/invoice", "get").GetProperty("responses").GetProperty("200").GetProperty("content");
        Assert.Equal(["application/pdf"], invoice.EnumerateObject().Select(c => c.Name));
        Assert.Equal("binary", invoice.GetProperty("application/pdf").GetProperty("schema").GetProperty("format").GetString());
        var picture = Operation(document, "/api/v1/catalog/media/products/{sku}.svg", "get").GetProperty("responses").GetProperty("200").GetProperty("content");
        Assert.Equal(["image/svg+xml"], picture.EnumerateObject().Select(c => c.Name));
    }

    [Fact]
    public async Task Locking_requires_no_field_of_its_optional_body_and_merging_publishes_the_404_it_answers()
    {
        var document = await DocumentAsync();
        var admin = await _client.SignInAsync(ServerDocumentFactory.AdminEmail, ServerDocumentFactory.AdminPassword);
        var customer = await _client.RegisterCustomerAsync();

        // until may be left out, as the whole body may: the lock then lasts until an unlock.
        var lockBody = document.GetProperty("components").GetProperty("schemas").GetProperty("LockUserRequest");
        Assert.False(lockBody.TryGetProperty("required", out var required), $"LockUserRequest requires {required}");
        using var noUntil = await _client.CallAsync(HttpMethod.Post, $"/api/v1/users/{Guid.NewGuid()}/lock", admin, new { });
        await noUntil.ExpectErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND");

        using var noCart = await _client.CallAsync(HttpMethod.Post, "/api/v1/cart/merge", customer.Token, new { cartKey = new string('A', 43) });
        await noCart.ExpectErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        Assert.Contains("404", Statuses(Operation(document, "/api/v1/cart/merge", "post")));
    }

    [Fact]
    public async Task Request_bodies_take_no_computed_fields()
    {
        var document = await DocumentAsync();
        var schemas = document.GetProperty("components").GetProperty("schemas");

        var bodies = Operations(document)
            .Where(o => o.Operation.TryGetProperty("requestBody", out _))
            .Select(o => o.Operation.GetProperty("requestBody").GetProperty("content").EnumerateObject().First().Value.GetProperty("schema"))
            .Select(s => s.TryGetProperty("$ref", out var r) ? r.GetString()!["#/components/schemas/".Length..] : null)
            .OfType<string>()
            .Distinct()
            .ToList();

        Assert.Contains("PlaceOrderRequest", bodies);
        Assert.Contains("CouponRequest", bodies);
        Assert.All(bodies, name =>
        {
            var properties = schemas.GetProperty(name).GetProperty("properties").EnumerateObject().Select(p => p.Name);
            Assert.Empty(properties.Intersect(ComputedFields));
        });
    }

    [Fact]
    public async Task The_category_tree_refers_to_its_named_component_and_the_document_reads_without_errors()
    {
        using var response = await _client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();

        var read = OpenApiDocument.Parse(text, OpenApiConstants.Json, new OpenApiReaderSettings());
        Assert.NotNull(read.Document);
        Assert.True(read.Diagnostic?.Errors is null or { Count: 0 }, string.Join("\n", read.Diagnostic?.Errors.Select(e => $"{e.Pointer}: {e.Message}") ?? []));
        var children = JsonDocument.Parse(text).RootElement.GetProperty("components").GetProperty("schemas")
            .GetProperty("CategoryResponse").GetProperty("properties").GetProperty("children");
        Assert.Equal("#/components/schemas/CategoryResponse", children.GetProperty("items").GetProperty("$ref").GetString());
        var schema = read.Document!.Components!.Schemas!["CategoryResponse"];
        Assert.Equal("CategoryResponse", ((OpenApiSchemaReference)schema.Properties!["children"].Items!).Reference.Id);
    }

    [Fact]
    public async Task Money_is_published_as_a_decimal_and_no_schema_takes_a_name_client_generators_keep_for_themselves()
    {
        var document = await DocumentAsync();
        var schemas = document.GetProperty("components").GetProperty("schemas");

        // Kiota turns format "decimal" into C# decimal; "double" (the generator's default) lost cents.
        foreach (var (schema, property) in new[]
        {
            ("ProductResponse", "price"), ("ProductResponse", "sellPrice"), ("ProductResponse", "compareAtPrice"),
            ("CartResponse", "total"), ("CartResponse", "taxRate"), ("OrderResponse", "total"), ("ProductRequest", "price"),
        })
        {
            var field = schemas.GetProperty(schema).GetProperty("properties").GetProperty(property);
            Assert.True(field.GetProperty("format").GetString() == "decimal", $"{schema}.{property} is {field}");
        }

        var integers = schemas.GetProperty("ProductResponse").GetProperty("properties").GetProperty("stock");
        Assert.Equal("int32", integers.GetProperty("format").GetString());

        // Kiota's TypeScript abstractions export an ApiError that every error model extends: a schema
        // of that name left the generated client uncompilable.
        Assert.False(schemas.TryGetProperty("ApiError", out _));
        Assert.Equal(
            "#/components/schemas/ErrorDetail",
            schemas.GetProperty("ErrorResponse").GetProperty("properties").GetProperty("errors").GetProperty("items").GetProperty("$ref").GetString());
        Assert.Equal(["code", "field", "message"], schemas.GetProperty("ErrorDetail").GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Service_only_endpoints_are_left_out_of_every_document_by_default()
    {
        foreach (var name in new[] { "v1", "catalog", "cart", "ordering" })
        {
            var document = await DocumentAsync(name);
            var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
            Assert.DoesNotContain(paths, p => p.Contains("/service/", StringComparison.Ordinal)
                || p.StartsWith("/api/v1/catalog/reservations", StringComparison.Ordinal)
                || p == "/api/v1/catalog/products/snapshots");
            Assert.DoesNotContain(Operations(document), o => o.Operation.TryGetProperty("description", out var d)
                && d.GetString()!.Contains("a service token with scope", StringComparison.Ordinal));
        }
    }

    private async Task<JsonElement> DocumentAsync(string name = "v1")
    {
        using var response = await _client.GetAsync(new Uri($"/openapi/{name}.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    internal static JsonElement Operation(JsonElement document, string path, string method) =>
        document.GetProperty("paths").GetProperty(path).GetProperty(method);

    internal static IEnumerable<(string Path, string Method, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Where(m => m.Name != "parameters").Select(m => (p.Name, m.Name, m.Value)));

    private static IEnumerable<JsonElement> Parameters(JsonElement operation) =>
        operation.TryGetProperty("parameters", out var parameters) ? parameters.EnumerateArray().Where(p => p.TryGetProperty("name", out _)) : [];

    private static JsonElement Parameter(JsonElement operation, string name) =>
        Parameters(operation).Single(p => p.GetProperty("name").GetString()!.Equals(name, StringComparison.OrdinalIgnoreCase));

    private static List<string> Statuses(JsonElement operation) =>
        operation.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToList();

    private static List<List<string>> Schemes(JsonElement operation) =>
        operation.GetProperty("security").EnumerateArray().Select(r => r.EnumerateObject().Select(s => s.Name).ToList()).ToList();
}

/// <summary>With <c>OpenApi:IncludeServiceEndpoints</c> on, the service-only endpoints are listed with their scopes.</summary>
public sealed class ServiceEndpointsDocumentTests(ServiceEndpointsDocumentFactory factory) : IClassFixture<ServiceEndpointsDocumentFactory>
{
    [Fact]
    public async Task Configured_to_the_document_lists_service_only_endpoints_with_their_scope()
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        var document = await response.ReadJsonAsync();

        var reserve = PublishedDocumentTests.Operation(document, "/api/v1/catalog/reservations", "post");
        Assert.Contains("scope `catalog.stock`", reserve.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains(PublishedDocumentTests.Operations(document), o => o.Path == "/api/v1/orders/service/{id}/payment");
    }
}
