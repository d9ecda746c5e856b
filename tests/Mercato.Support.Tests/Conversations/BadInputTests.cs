using System.Net;
using System.Text;
using Mercato.Support.Tests.Infrastructure;
using Mercato.Testing;

namespace Mercato.Support.Tests.Conversations;

/// <summary>New conversations that are refused, with the field each names.</summary>
public static class BadSupportBodies
{
    /// <summary>One character more than a message may hold.</summary>
    public static readonly string TooLong = new('x', 5001);

    /// <summary>The bodies and their fields.</summary>
    public static TheoryData<string, string> Conversations => new()
    {
        { """{"body":"Hello"}""", "subject" },
        { """{"subject":"   ","body":"Hello"}""", "subject" },
        { """{"subject":"Hi","body":""}""", "body" },
        { """{"subject":"Hi","body":" \n "}""", "body" },
        { """{"subject":"Hi"}""", "body" },
        { "{\"subject\":\"" + new string('s', 201) + "\",\"body\":\"Hello\"}", "subject" },
        { "{\"subject\":\"Hi\",\"body\":\"" + TooLong + "\"}", "body" },
        { """{"subject":"Line\nbreak","body":"Hello"}""", "subject" },
        { """{"subject":"Hi","body":"Bell \u0007"}""", "body" },
        { """{"subject":"Hi \u202E","body":"Hello"}""", "subject" },
        { """{"subject":"Hi","body":"Hello","orderId":"not-a-guid"}""", "orderId" },
        { """{"subject":"Hi","body":"Hello","orderId":"00000000-0000-0000-0000-000000000000"}""", "orderId" },
    };
}

/// <summary>Bad input answers 400 (or 404 for an id that is no id) in the error envelope, and changes nothing.</summary>
public abstract class BadInputTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SupportFactory
{
    private static readonly string TooLong = BadSupportBodies.TooLong;

    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [MemberData(nameof(BadSupportBodies.Conversations), MemberType = typeof(BadSupportBodies))]
    public async Task A_bad_new_conversation_answers_400_naming_the_field(string json, string field)
    {
        var customer = await _client.CustomerAsync();
        var before = await factory.CountsAsync();

        using var response = await SendRawAsync(HttpMethod.Post, SupportApi.Conversations, customer.Token, json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, (await response.ReadErrorAsync()).ErrorFields());
        Assert.Equal(before, await factory.CountsAsync());
    }

    [Fact]
    public async Task Bad_messages_and_changes_answer_400_and_leave_the_conversation_as_it_was()
    {
        var customer = await _client.CustomerAsync();
        var admin = await _client.AdminTokenAsync();
        var id = (await _client.OpenAsync(customer)).Id();
        var before = await factory.CountsAsync();
        var messages = $"{SupportApi.Conversations}/{id}/messages";
        var conversation = $"{SupportApi.Conversations}/{id}";

        var attempts = new (HttpMethod Method, string Path, string Token, string Json, string Field)[]
        {
            (HttpMethod.Post, messages, customer.Token, """{"body":""}""", "body"),
            (HttpMethod.Post, messages, customer.Token, "{}", "body"),
            (HttpMethod.Post, messages, admin, "{\"body\":\"" + TooLong + "\"}", "body"),
            (HttpMethod.Post, messages, admin, """{"body":"Hi","internal":"yes"}""", "internal"),
            (HttpMethod.Patch, conversation, admin, """{"status":"solved"}""", "status"),
            (HttpMethod.Patch, conversation, customer.Token, """{"status":"archived"}""", "status"),
            (HttpMethod.Patch, conversation, admin, "{}", "status"),
            (HttpMethod.Patch, conversation, admin, """{"assigneeId":"someone"}""", "assigneeId"),
            (HttpMethod.Patch, conversation, admin, """{"assigneeId":42}""", "assigneeId"),
        };
        foreach (var (method, path, token, json, field) in attempts)
        {
            using var response = await SendRawAsync(method, path, token, json);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{method} {path} {json} answered {(int)response.StatusCode}");
            Assert.Contains(field, (await response.ReadErrorAsync()).ErrorFields());
        }

        using var malformed = await SendRawAsync(HttpMethod.Post, messages, customer.Token, """{"body":""");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        await malformed.ReadErrorAsync();

        Assert.Equal(before, await factory.CountsAsync());
        var unchanged = await _client.GetDataAsync(admin, conversation);
        Assert.Equal(("open", 1, 0), (unchanged.Text("status"), unchanged.GetProperty("messageCount").GetInt32(), unchanged.GetProperty("noteCount").GetInt32()));
        Assert.True(unchanged.IsNull("assigneeId"));
    }

    [Theory]
    [InlineData("?status=solved", "status")]
    [InlineData("?pageSize=0", "pageSize")]
    [InlineData("?pageSize=101", "pageSize")]
    [InlineData("?pageNumber=0", "pageNumber")]
    [InlineData("?pageNumber=abc", "pageNumber")]
    [InlineData("?customerId=not-a-guid", "customerId")]
    [InlineData("?assigneeId=12345", "assigneeId")]
    [InlineData("?orderId=x", "orderId")]
    [InlineData("?unassigned=maybe", "unassigned")]
    public async Task A_bad_list_query_answers_400_naming_the_parameter(string query, string field)
    {
        var admin = await _client.AdminTokenAsync();

        using var response = await _client.CallAsync(HttpMethod.Get, SupportApi.Conversations + query, admin);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, (await response.ReadErrorAsync()).ErrorFields());
    }

    [Fact]
    public async Task Bad_message_paging_answers_400_and_an_id_that_is_no_id_answers_404()
    {
        var customer = await _client.CustomerAsync();
        var id = (await _client.OpenAsync(customer)).Id();

        using var badPage = await _client.CallAsync(HttpMethod.Get, $"{SupportApi.Conversations}/{id}/messages?pageSize=1000", customer.Token);
        await badPage.ExpectErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");

        foreach (var (method, path) in new[]
        {
            (HttpMethod.Get, $"{SupportApi.Conversations}/not-a-guid"),
            (HttpMethod.Get, $"{SupportApi.Conversations}/12345/messages"),
            (HttpMethod.Post, $"{SupportApi.Conversations}/not-a-guid/messages"),
            (HttpMethod.Patch, $"{SupportApi.Conversations}/not-a-guid"),
        })
        {
            using var response = await _client.CallAsync(method, path, customer.Token, new { body = "Hi", status = "closed" });
            await response.ExpectErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        }

        using var unknown = await _client.CallAsync(HttpMethod.Get, $"{SupportApi.Conversations}/{Guid.CreateVersion7()}", customer.Token);
        await unknown.ExpectErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    private Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string path, string token, string json)
    {
        var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return _client.SendAsync(request);
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteBadInputTests(SupportFactory factory) : BadInputTests<SupportFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresBadInputTests(PostgresSupportFactory factory) : BadInputTests<PostgresSupportFactory>(factory);
