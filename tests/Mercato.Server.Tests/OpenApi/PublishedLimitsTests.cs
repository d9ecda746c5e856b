using System.Net;
using System.Text.Json;
using Mercato.Testing;

namespace Mercato.Server.Tests.OpenApi;

/// <summary>
/// Every limit the server enforces on an input is in <c>/openapi/v1.json</c>, and every limit in
/// the document is one the server enforces: one past it answers 400 in the envelope naming the
/// field, the limit itself is accepted. Query and route parameters (lengths, names, page bounds,
/// GUIDs) and the body rules written by hand (addresses, coupon codes and types, cart keys, tags,
/// specifications, roles, statuses, password and phone lengths, timestamps, JSON numbers).
/// </summary>
/// <typeparam name="TFactory">The host, on SQLite or PostgreSQL.</typeparam>
public abstract class PublishedLimitsTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : ServerDocumentFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Search_text_filters_and_path_slugs_publish_their_length_and_one_past_it_answers_400_naming_the_parameter()
    {
        var document = await DocumentAsync();

        var q = MaxLength(QueryParameter(document, "/api/v1/products/search", "q"));
        Assert.Equal(200, q);
        await ExpectRefusedAsync($"/api/v1/products/search?q={new string('a', q + 1)}", "q");
        await ExpectStatusAsync($"/api/v1/products/search?q={new string('a', q)}", HttpStatusCode.OK);

        foreach (var name in new[] { "q", "search" })
        {
            var max = MaxLength(QueryParameter(document, "/api/v1/products", name));
            await ExpectRefusedAsync($"/api/v1/products?{name}={new string('a', max + 1)}", name);
            await ExpectStatusAsync($"/api/v1/products?{name}={new string('a', max)}", HttpStatusCode.OK);
        }

        // 20 tags of 40 characters, each with its comma, is the longest list; one more comma is too long.
        var tags = MaxLength(QueryParameter(document, "/api/v1/products", "tags"));
        var longest = string.Concat(Enumerable.Range(0, 20).Select(i => $"{i:D2}{new string('t', 38)},"));
        Assert.Equal(tags, longest.Length);
        await ExpectStatusAsync($"/api/v1/products?tags={longest}", HttpStatusCode.OK);
        await ExpectRefusedAsync($"/api/v1/products?tags={longest},", "tags");

        var category = MaxLength(QueryParameter(document, "/api/v1/products", "category"));
        Assert.Equal(120, category);
        await ExpectRefusedAsync($"/api/v1/products?category={new string('a', category + 1)}", "category");
        using (var unknown = await _client.GetAsync(new Uri($"/api/v1/products?category={new string('a', category)}", UriKind.Relative)))
        {
            // At the limit the slug is looked up: no such category, not a length error.
            Assert.DoesNotContain("characters", (await unknown.ReadErrorAsync()).GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        var productSlug = MaxLength(PathParameter(document, "/api/v1/products/{id}", "get"));
        Assert.Equal(220, productSlug);
        await ExpectRefusedAsync($"/api/v1/products/{new string('a', productSlug + 1)}", "idOrSlug");
        await ExpectStatusAsync($"/api/v1/products/{new string('a', productSlug)}", HttpStatusCode.NotFound);

        foreach (var path in new[] { "/api/v1/categories/{idOrSlug}", "/api/v1/categories/{idOrSlug}/products" })
        {
            var max = MaxLength(PathParameter(document, path, "get"));
            Assert.Equal(120, max);
            await ExpectRefusedAsync(path.Replace("{idOrSlug}", new string('a', max + 1), StringComparison.Ordinal), "idOrSlug");
            await ExpectStatusAsync(path.Replace("{idOrSlug}", new string('a', max), StringComparison.Ordinal), HttpStatusCode.NotFound);
        }

        var sku = MaxLength(PathParameter(document, "/api/v1/catalog/media/products/{sku}.svg", "get"));
        await ExpectRefusedAsync($"/api/v1/catalog/media/products/{new string('a', sku + 1)}.svg", "sku");
        await ExpectStatusAsync($"/api/v1/catalog/media/products/{new string('a', sku)}.svg", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Page_numbers_and_sizes_are_integers_with_both_bounds_and_one_past_the_highest_page_answers_400()
    {
        var document = await DocumentAsync();

        var paging = PublishedDocumentTests.Operations(document)
            .SelectMany(o => Parameters(o.Operation).Select(p => (o.Path, Parameter: p)))
            .Where(p => p.Parameter.GetProperty("name").GetString() is { } n
                && (n.Equals("pageNumber", StringComparison.OrdinalIgnoreCase) || n.Equals("pageSize", StringComparison.OrdinalIgnoreCase)))
            .ToList();
        Assert.True(paging.Count >= 14, $"only {paging.Count} paging parameters");
        Assert.All(paging, p =>
        {
            var schema = p.Parameter.GetProperty("schema");
            Assert.Equal("integer", schema.GetProperty("type").GetString());
            Assert.False(schema.TryGetProperty("pattern", out _), p.Path);
            Assert.Equal(1, schema.GetProperty("minimum").GetInt32());
            Assert.True(schema.TryGetProperty("maximum", out _), $"{p.Path} {p.Parameter.GetProperty("name")}");
        });

        var highest = QueryParameter(document, "/api/v1/products", "pageNumber").GetProperty("schema").GetProperty("maximum").GetInt32();
        Assert.Equal(100_000, highest);
        Assert.All(paging.Where(p => p.Parameter.GetProperty("name").GetString()!.Equals("pageNumber", StringComparison.OrdinalIgnoreCase)),
            p => Assert.Equal(highest, p.Parameter.GetProperty("schema").GetProperty("maximum").GetInt32()));
        foreach (var path in new[] { "/api/v1/products", "/api/v1/products/search?q=x&", $"/api/v1/products/{Guid.NewGuid()}/reviews" })
        {
            var separator = path.EndsWith('&') ? string.Empty : "?";
            await ExpectRefusedAsync($"{path}{separator}pageNumber={highest + 1}", "pageNumber");
        }

        await ExpectStatusAsync($"/api/v1/products?pageNumber={highest}&pageSize=100", HttpStatusCode.OK);
        var admin = await AdminAsync();
        using var ledger = await _client.CallAsync(HttpMethod.Get, $"/api/v1/products/{Guid.NewGuid()}/stock/ledger?pageNumber={highest + 1}", admin);
        Assert.Equal(HttpStatusCode.BadRequest, ledger.StatusCode);
        Assert.Equal(["pageNumber"], (await ledger.ReadErrorAsync()).ErrorFields());
    }

    [Fact]
    public async Task Sort_names_statuses_and_roles_are_published_as_the_lists_the_server_checks_and_ids_as_36_character_uuids()
    {
        var document = await DocumentAsync();

        Assert.Equal(["name", "price", "createdAt", "rating", "discount"], Enum(QueryParameter(document, "/api/v1/products", "sortBy").GetProperty("schema")));
        Assert.Equal(["asc", "desc"], Enum(QueryParameter(document, "/api/v1/products", "sortOrder").GetProperty("schema")));
        await ExpectRefusedAsync("/api/v1/products?sortBy=popularity", "sortBy");
        await ExpectStatusAsync("/api/v1/products?sortBy=rating&sortOrder=desc", HttpStatusCode.OK);

        var statuses = Enum(QueryParameter(document, "/api/v1/orders", "status").GetProperty("schema"));
        Assert.Contains("pending", statuses);
        Assert.Contains("cancelled", statuses);
        Assert.Equal(256, MaxLength(QueryParameter(document, "/api/v1/orders", "email")));
        var customer = await _client.RegisterCustomerAsync();
        foreach (var bad in new[] { "unknown", "pending,paid", "1" })
        {
            using var refused = await _client.CallAsync(HttpMethod.Get, $"/api/v1/orders?status={bad}", customer.Token);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal(["status"], (await refused.ReadErrorAsync()).ErrorFields());
        }

        using var listed = await _client.CallAsync(HttpMethod.Get, $"/api/v1/orders?status={statuses[0]}", customer.Token);
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);

        Assert.Equal(["Customer", "Premium", "Support", "Admin"], Enum(QueryParameter(document, "/api/v1/users", "role").GetProperty("schema")));
        Assert.Equal(100, MaxLength(QueryParameter(document, "/api/v1/users", "search")));
        Assert.Equal(40, MaxLength(QueryParameter(document, "/api/v1/coupons", "code")));
        var admin = await AdminAsync();
        using var longSearch = await _client.CallAsync(HttpMethod.Get, $"/api/v1/users?search={new string('a', 101)}", admin);
        Assert.Equal(["search"], (await longSearch.ReadErrorAsync()).ErrorFields());
        using var longCode = await _client.CallAsync(HttpMethod.Get, $"/api/v1/coupons?code={new string('A', 41)}", admin);
        Assert.Equal(["code"], (await longCode.ReadErrorAsync()).ErrorFields());

        foreach (var (path, method) in new[] { ("/api/v1/orders/{id}", "get"), ("/api/v1/products/{id}", "put"), ("/api/v1/cart/items/{itemId}", "delete") })
        {
            var schema = PathParameter(document, path, method).GetProperty("schema");
            Assert.Equal("uuid", schema.GetProperty("format").GetString());
            Assert.Equal(36, schema.GetProperty("maxLength").GetInt32());
        }
    }

    [Fact]
    public async Task Hand_written_body_rules_publish_their_limits_and_the_server_refuses_one_past_each()
    {
        var document = await DocumentAsync();
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var admin = await AdminAsync();

        var address = schemas.GetProperty("AddressBody").GetProperty("properties");
        Assert.Equal(
            [200, 100, 100, 20, 100],
            new[] { "street", "city", "state", "zipCode", "country" }.Select(f => address.GetProperty(f).GetProperty("maxLength").GetInt32()));

        var coupon = schemas.GetProperty("CouponRequest").GetProperty("properties");
        Assert.Equal(40, coupon.GetProperty("code").GetProperty("maxLength").GetInt32());
        Assert.Equal(["percentage", "fixed"], Enum(coupon.GetProperty("discountType")));
        var usage = coupon.GetProperty("usageLimit");
        Assert.Equal([1, 1_000_000], new[] { usage.GetProperty("minimum").GetInt32(), usage.GetProperty("maximum").GetInt32() });
        Assert.Equal(40, coupon.GetProperty("startsAt").GetProperty("maxLength").GetInt32());
        foreach (var (field, value) in new (string, object)[]
        {
            ("code", new string('A', 41)), ("discountType", "bogus"), ("usageLimit", 1_000_001), ("perCustomerLimit", 1_000_001),
            ("startsAt", "2026-01-01T00:00:00.0000000000000000+00:00"),
        })
        {
            using var refused = await _client.CallAsync(HttpMethod.Post, "/api/v1/coupons", admin, CouponBody(field, value));
            Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, $"{field}: {(int)refused.StatusCode}");
            Assert.Equal([field], (await refused.ReadErrorAsync()).ErrorFields());
        }

        using var atLimits = await _client.CallAsync(HttpMethod.Post, "/api/v1/coupons", admin, CouponBody("usageLimit", 1_000_000));
        Assert.Equal(HttpStatusCode.Created, atLimits.StatusCode);

        var product = schemas.GetProperty("ProductRequest").GetProperty("properties");
        Assert.Equal(20, product.GetProperty("images").GetProperty("maxItems").GetInt32());
        Assert.Equal(40, product.GetProperty("tags").GetProperty("items").GetProperty("maxLength").GetInt32());
        Assert.Equal(50, product.GetProperty("specifications").GetProperty("maxProperties").GetInt32());
        Assert.Equal(500, product.GetProperty("specifications").GetProperty("additionalProperties").GetProperty("maxLength").GetInt32());
        Assert.Equal(500, schemas.GetProperty("ProductImageRequest").GetProperty("properties").GetProperty("url").GetProperty("maxLength").GetInt32());
        Assert.Equal(200, schemas.GetProperty("ProductAttributeRequest").GetProperty("properties").GetProperty("value").GetProperty("maxLength").GetInt32());
        Assert.Equal(["null"], Types(schemas.GetProperty("ProductPatchRequest").GetProperty("properties").GetProperty("stock")));
        Assert.Contains("integer", Types(product.GetProperty("stock")));

        var register = schemas.GetProperty("RegisterRequest").GetProperty("properties");
        var password = register.GetProperty("password").GetProperty("maxLength").GetInt32();
        Assert.Equal(32, register.GetProperty("phoneNumber").GetProperty("maxLength").GetInt32());
        using var longPassword = await _client.PostJsonAsync("/api/v1/auth/register", new
        {
            email = $"long.{Guid.NewGuid():N}@example.test", password = "Aa1!" + new string('x', password - 3), firstName = "Long", lastName = "Password",
        });
        Assert.Equal(HttpStatusCode.BadRequest, longPassword.StatusCode);
        Assert.Equal(["password"], (await longPassword.ReadErrorAsync()).ErrorFields());
        using var longestPassword = await _client.PostJsonAsync("/api/v1/auth/register", new
        {
            email = $"long.{Guid.NewGuid():N}@example.test", password = "Aa1!" + new string('x', password - 4), firstName = "Long", lastName = "Password",
        });
        Assert.Equal(HttpStatusCode.Created, longestPassword.StatusCode);

        var roles = schemas.GetProperty("SetRolesRequest").GetProperty("properties").GetProperty("roles");
        Assert.Equal(4, roles.GetProperty("maxItems").GetInt32());
        Assert.Equal(["Customer", "Premium", "Support", "Admin"], Enum(roles.GetProperty("items")));
        var status = schemas.GetProperty("UpdateOrderStatusRequest").GetProperty("properties").GetProperty("status");
        Assert.DoesNotContain("paid", Enum(status));
        Assert.Contains("shipped", Enum(status));

        var customer = await _client.RegisterCustomerAsync();
        var cartKey = schemas.GetProperty("MergeCartRequest").GetProperty("properties").GetProperty("cartKey").GetProperty("maxLength").GetInt32();
        using var badKey = await _client.CallAsync(HttpMethod.Post, "/api/v1/cart/merge", customer.Token, new { cartKey = new string('A', cartKey + 1) });
        Assert.Equal(HttpStatusCode.BadRequest, badKey.StatusCode);
        Assert.Equal(["cartKey"], (await badKey.ReadErrorAsync()).ErrorFields());
        using var unknownKey = await _client.CallAsync(HttpMethod.Post, "/api/v1/cart/merge", customer.Token, new { cartKey = new string('A', cartKey) });
        Assert.Equal(HttpStatusCode.NotFound, unknownKey.StatusCode);
    }

    [Fact]
    public async Task Numbers_ids_and_timestamps_are_published_as_the_server_reads_them()
    {
        var document = await DocumentAsync();
        var schemas = document.GetProperty("components").GetProperty("schemas");

        var addItem = schemas.GetProperty("AddItemRequest").GetProperty("properties");
        Assert.DoesNotContain("string", Types(addItem.GetProperty("quantity")));
        Assert.Equal(36, addItem.GetProperty("productId").GetProperty("maxLength").GetInt32());
        using var textQuantity = await _client.PostJsonAsync("/api/v1/cart/items", new { productId = Guid.NewGuid(), quantity = "2" });
        Assert.Equal(HttpStatusCode.BadRequest, textQuantity.StatusCode);
        Assert.Equal(["quantity"], (await textQuantity.ReadErrorAsync()).ErrorFields());
        using var bracedId = await _client.PostJsonAsync("/api/v1/cart/items", new { productId = $"{{{Guid.NewGuid()}}}", quantity = 2 });
        Assert.Equal(HttpStatusCode.BadRequest, bracedId.StatusCode);
        Assert.Equal(["productId"], (await bracedId.ReadErrorAsync()).ErrorFields());

        using var token = await _client.PostAsync(
            new Uri("/api/v1/auth/token", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = new string('c', 1025), ["client_secret"] = "x" }));
        Assert.Equal(HttpStatusCode.BadRequest, token.StatusCode);
        var error = await token.ReadErrorAsync();
        Assert.Equal("invalid_request", error.GetProperty("error").GetString());
        Assert.Equal(["client_id"], error.ErrorFields());
        var tokenBody = PublishedDocumentTests.Operation(document, "/api/v1/auth/token", "post").GetProperty("requestBody").GetProperty("content")
            .GetProperty("application/x-www-form-urlencoded").GetProperty("schema").GetProperty("properties");
        Assert.Equal(1024, tokenBody.GetProperty("client_id").GetProperty("maxLength").GetInt32());

        var replayed = PublishedDocumentTests.Operation(document, "/api/v1/orders", "post").GetProperty("responses").GetProperty("201")
            .GetProperty("headers").GetProperty("Idempotent-Replayed").GetProperty("schema");
        Assert.Equal(["true"], Enum(replayed));
    }

    private static Dictionary<string, object?> CouponBody(string field, object value) => new()
    {
        ["code"] = "LIM" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant(),
        ["discountType"] = "percentage",
        ["discountValue"] = 10m,
        [field] = value,
    };

    private async Task<string> AdminAsync() => await _client.SignInAsync(ServerDocumentFactory.AdminEmail, ServerDocumentFactory.AdminPassword);

    private async Task ExpectRefusedAsync(string url, string field)
    {
        using var response = await _client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url} answered {(int)response.StatusCode}");
        var error = await response.ReadErrorAsync();
        Assert.False(error.GetProperty("success").GetBoolean());
        Assert.Equal([field], error.ErrorFields());
    }

    private async Task ExpectStatusAsync(string url, HttpStatusCode status)
    {
        using var response = await _client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.True(response.StatusCode == status, $"{url} answered {(int)response.StatusCode}, expected {(int)status}");
    }

    private async Task<JsonElement> DocumentAsync()
    {
        using var response = await _client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    private static IEnumerable<JsonElement> Parameters(JsonElement operation) =>
        operation.TryGetProperty("parameters", out var parameters) ? parameters.EnumerateArray().Where(p => p.TryGetProperty("name", out _)) : [];

    private static JsonElement QueryParameter(JsonElement document, string path, string name) =>
        Parameters(PublishedDocumentTests.Operation(document, path, "get"))
            .Single(p => p.GetProperty("in").GetString() == "query" && p.GetProperty("name").GetString()!.Equals(name, StringComparison.OrdinalIgnoreCase));

    private static JsonElement PathParameter(JsonElement document, string path, string method) =>
        Parameters(PublishedDocumentTests.Operation(document, path, method)).Single(p => p.GetProperty("in").GetString() == "path");

    private static int MaxLength(JsonElement parameter) =>
        (parameter.TryGetProperty("schema", out var schema) ? schema : parameter).GetProperty("maxLength").GetInt32();

    private static List<string> Enum(JsonElement schema) => [.. schema.GetProperty("enum").EnumerateArray().Select(e => e.GetString()!)];

    private static List<string> Types(JsonElement schema) =>
        schema.GetProperty("type").ValueKind == JsonValueKind.Array
            ? [.. schema.GetProperty("type").EnumerateArray().Select(t => t.GetString()!)]
            : [schema.GetProperty("type").GetString()!];
}

/// <summary>On SQLite.</summary>
public sealed class SqlitePublishedLimitsTests(ServerDocumentFactory factory) : PublishedLimitsTests<ServerDocumentFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresPublishedLimitsTests(PostgresServerDocumentFactory factory) : PublishedLimitsTests<PostgresServerDocumentFactory>(factory);
