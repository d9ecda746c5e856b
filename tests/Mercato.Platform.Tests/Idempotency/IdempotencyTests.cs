using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mercato.Testing;

namespace Mercato.Platform.Tests.Idempotency;

/// <summary>
/// <c>Idempotency-Key</c> on the Probe module's order endpoints, through the real pipeline over a
/// real SQLite file: everything in <see cref="IdempotencyHostTests"/>, plus key validation,
/// required and optional keys, exact body comparison, per-caller scopes and the OpenAPI document.
/// </summary>
public sealed class IdempotencyTests : IdempotencyHostTests
{
    private TestIssuer _issuer = null!;

    protected override async Task ConfigureAsync()
    {
        _issuer = await TestIssuer.StartAsync();
        foreach (var (key, value) in _issuer.Settings)
        {
            Factory.Settings[key] = value;
        }
    }

    protected override async Task CleanUpAsync() => await _issuer.DisposeAsync();

    [Fact]
    public async Task The_body_is_compared_exactly_as_sent()
    {
        var reference = ProbeOrders.NewReference();
        var key = ProbeOrders.NewKey();
        var compact = ProbeOrders.Body(reference);
        var spaced = compact.Replace(",", ", ", StringComparison.Ordinal);

        var first = await ProbeOrders.PostAsync(Client, compact, key);
        var reformatted = await ProbeOrders.PostAsync(Client, spaced, key);

        Assert.Equal(HttpStatusCode.Created, first.Status);
        reformatted.AssertKeyError(HttpStatusCode.Conflict, "CONFLICT");
        Assert.Single(await ProbeOrders.ListAsync(Client, reference));
    }

    [Theory]
    [InlineData(ProbeOrders.QuickPath)]
    [InlineData(ProbeOrders.Path + "?channel=web")]
    public async Task Same_key_and_body_on_another_path_or_query_is_a_different_request(string otherPath)
    {
        var reference = ProbeOrders.NewReference();
        var key = ProbeOrders.NewKey();
        var body = ProbeOrders.Body(reference);
        var first = await ProbeOrders.PostAsync(Client, body, key);

        var other = await ProbeOrders.PostAsync(Client, body, key, otherPath);

        Assert.Equal(HttpStatusCode.Created, first.Status);
        other.AssertKeyError(HttpStatusCode.Conflict, "CONFLICT");
        Assert.Single(await ProbeOrders.ListAsync(Client, reference));
    }

    [Fact]
    public async Task Missing_key_on_an_endpoint_that_requires_it_answers_400_required_field()
    {
        var reference = ProbeOrders.NewReference();

        var answer = await ProbeOrders.PostAsync(Client, ProbeOrders.Body(reference), key: null);

        answer.AssertKeyError(HttpStatusCode.BadRequest, "REQUIRED_FIELD");
        Assert.Empty(await ProbeOrders.ListAsync(Client, reference));
    }

    [Fact]
    public async Task Missing_key_on_an_endpoint_where_it_is_optional_runs_every_time()
    {
        var reference = ProbeOrders.NewReference();
        var body = ProbeOrders.Body(reference);

        var first = await ProbeOrders.PostAsync(Client, body, key: null, ProbeOrders.QuickPath);
        var second = await ProbeOrders.PostAsync(Client, body, key: null, ProbeOrders.QuickPath);

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(HttpStatusCode.Created, second.Status);
        Assert.Null(second.Replayed);
        Assert.NotEqual(first.Number, second.Number);
        Assert.Equal(2, (await ProbeOrders.ListAsync(Client, reference)).Length);
    }

    [Fact]
    public async Task Optional_key_when_sent_is_honoured()
    {
        var reference = ProbeOrders.NewReference();
        var key = ProbeOrders.NewKey();
        var body = ProbeOrders.Body(reference);

        var first = await ProbeOrders.PostAsync(Client, body, key, ProbeOrders.QuickPath);
        var second = await ProbeOrders.PostAsync(Client, body, key, ProbeOrders.QuickPath);

        Assert.Equal(HttpStatusCode.Created, first.Status);
        second.AssertReplayOf(first);
        Assert.Single(await ProbeOrders.ListAsync(Client, reference));
    }

    public static TheoryData<string> InvalidKeys => new()
    {
        new string('k', 256),
        "ключ-заказа",
        "tab\tseparated",
        "caf\u00e9",
    };

    [Theory]
    [MemberData(nameof(InvalidKeys))]
    public async Task Invalid_key_answers_400_validation_error_and_creates_nothing(string key)
    {
        var reference = ProbeOrders.NewReference();

        var answer = await ProbeOrders.PostAsync(Client, ProbeOrders.Body(reference), key);

        answer.AssertKeyError(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Empty(await ProbeOrders.ListAsync(Client, reference));
    }

    [Fact]
    public async Task Key_sent_twice_answers_400_validation_error()
    {
        var reference = ProbeOrders.NewReference();
        using var request = ProbeOrders.Request(ProbeOrders.Body(reference), ProbeOrders.NewKey());
        request.Headers.TryAddWithoutValidation("Idempotency-Key", ProbeOrders.NewKey());

        var answer = await ProbeOrders.SendAsync(Client, request);

        answer.AssertKeyError(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Empty(await ProbeOrders.ListAsync(Client, reference));
    }

    [Theory]
    [InlineData(255)]
    [InlineData(1)]
    public async Task Keys_of_any_printable_ascii_up_to_255_characters_are_accepted(int length)
    {
        var printable = string.Concat(Enumerable.Range(' ' + 1, '~' - ' ').Select(c => (char)c));
        var key = string.Concat(Enumerable.Repeat(printable, 3))[..length];
        var reference = ProbeOrders.NewReference();

        var first = await ProbeOrders.PostAsync(Client, ProbeOrders.Body(reference), key);
        var second = await ProbeOrders.PostAsync(Client, ProbeOrders.Body(reference), key);

        Assert.Equal(HttpStatusCode.Created, first.Status);
        second.AssertReplayOf(first);
    }

    [Fact]
    public async Task Keys_are_scoped_per_caller()
    {
        var reference = ProbeOrders.NewReference();
        var key = ProbeOrders.NewKey();
        var alice = _issuer.UserToken("alice-" + reference, "Customer");
        var bob = _issuer.UserToken("bob-" + reference, "Customer");
        var body = ProbeOrders.Body(reference, quantity: 1);
        var otherBody = ProbeOrders.Body(reference, quantity: 2);

        // The same key by five different callers: each runs its own request, none sees another's.
        var aliceFirst = await ProbeOrders.PostAsync(Client, body, key, bearer: alice);
        var bobFirst = await ProbeOrders.PostAsync(Client, otherBody, key, bearer: bob);
        var cartOneFirst = await ProbeOrders.PostAsync(Client, body, key, cartKey: "cart-one-" + reference);
        var cartTwoFirst = await ProbeOrders.PostAsync(Client, otherBody, key, cartKey: "cart-two-" + reference);
        var anonymousFirst = await ProbeOrders.PostAsync(Client, body, key);

        var firsts = new[] { aliceFirst, bobFirst, cartOneFirst, cartTwoFirst, anonymousFirst };
        Assert.All(firsts, a => Assert.Equal(HttpStatusCode.Created, a.Status));
        Assert.All(firsts, a => Assert.Null(a.Replayed));
        Assert.Equal(5, firsts.Select(a => a.Number).Distinct().Count());
        Assert.Equal(5, (await ProbeOrders.ListAsync(Client, reference)).Length);

        // Each caller's retry replays its own response, and only its own.
        (await ProbeOrders.PostAsync(Client, body, key, bearer: _issuer.UserToken("alice-" + reference, "Customer"))).AssertReplayOf(aliceFirst);
        (await ProbeOrders.PostAsync(Client, otherBody, key, bearer: bob)).AssertReplayOf(bobFirst);
        (await ProbeOrders.PostAsync(Client, body, key, cartKey: "cart-one-" + reference)).AssertReplayOf(cartOneFirst);
        (await ProbeOrders.PostAsync(Client, otherBody, key, cartKey: "cart-two-" + reference)).AssertReplayOf(cartTwoFirst);
        (await ProbeOrders.PostAsync(Client, body, key)).AssertReplayOf(anonymousFirst);
        Assert.Equal(5, (await ProbeOrders.ListAsync(Client, reference)).Length);

        // Within one scope the key still guards the body.
        (await ProbeOrders.PostAsync(Client, otherBody, key, bearer: alice)).AssertKeyError(HttpStatusCode.Conflict, "CONFLICT");
    }

    [Fact]
    public async Task A_request_that_fails_validation_does_not_use_up_its_key()
    {
        var reference = ProbeOrders.NewReference();
        var key = ProbeOrders.NewKey();

        var invalid = await ProbeOrders.PostAsync(Client, ProbeOrders.Body(reference, quantity: 0), key);
        var corrected = await ProbeOrders.PostAsync(Client, ProbeOrders.Body(reference, quantity: 1), key);

        Assert.Equal(HttpStatusCode.BadRequest, invalid.Status);
        Assert.Equal(["quantity"], invalid.Json.ErrorFields());
        Assert.Equal(HttpStatusCode.Created, corrected.Status);
        Assert.Null(corrected.Replayed);
        Assert.Single(await ProbeOrders.ListAsync(Client, reference));
    }

    [Fact]
    public async Task OpenApi_documents_the_header_the_409_and_the_replay_marker()
    {
        var document = await Client.GetFromJsonAsync<JsonElement>("/openapi/probe.json");

        var paths = document.GetProperty("paths");
        AssertDocumented(paths.GetProperty(ProbeOrders.Path).GetProperty("post"), required: true);
        AssertDocumented(paths.GetProperty(ProbeOrders.QuickPath).GetProperty("post"), required: false);

        static void AssertDocumented(JsonElement operation, bool required)
        {
            var header = Assert.Single(operation.GetProperty("parameters").EnumerateArray(),
                p => p.TryGetProperty("name", out var name) && name.GetString() == "Idempotency-Key");
            Assert.Equal("header", header.GetProperty("in").GetString());
            Assert.Equal(required, header.TryGetProperty("required", out var r) && r.GetBoolean());
            var responses = operation.GetProperty("responses");
            Assert.Equal(
                "#/components/schemas/ErrorResponse",
                responses.GetProperty("409").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
            Assert.True(responses.GetProperty("201").GetProperty("headers").TryGetProperty("Idempotent-Replayed", out _));
        }
    }
}
