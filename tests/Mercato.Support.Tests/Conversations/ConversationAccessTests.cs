using System.Net;
using Mercato.Support.Tests.Infrastructure;
using Mercato.Testing;

namespace Mercato.Support.Tests.Conversations;

/// <summary>
/// Who may do what: customers see only their own conversations (another's is 404 on every
/// route), staff (Admin or Support) see all, the Support role reaches nothing else of the back
/// office, and anonymous callers get 401 everywhere.
/// </summary>
public abstract class ConversationAccessTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SupportFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Another_customers_conversation_is_404_on_every_route_and_absent_from_their_list()
    {
        var owner = await _client.CustomerAsync();
        var stranger = await _client.CustomerAsync("Mallory");
        var id = (await _client.OpenAsync(owner)).Id();
        var before = await factory.CountsAsync();

        var attempts = new (HttpMethod Method, string Path, object? Body)[]
        {
            (HttpMethod.Get, $"{SupportApi.Conversations}/{id}", null),
            (HttpMethod.Get, $"{SupportApi.Conversations}/{id}/messages", null),
            (HttpMethod.Post, $"{SupportApi.Conversations}/{id}/messages", new { body = "Let me in" }),
            (HttpMethod.Post, $"{SupportApi.Conversations}/{id}/messages", new { body = "A note", @internal = true }),
            (HttpMethod.Patch, $"{SupportApi.Conversations}/{id}", new { status = "closed" }),
        };
        foreach (var (method, path, body) in attempts)
        {
            using var response = await _client.CallAsync(method, path, stranger.Token, body);
            await response.ExpectErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        }

        Assert.Empty((await _client.GetDataAsync(stranger.Token, SupportApi.Conversations)).Ids());
        Assert.Equal(before, await factory.CountsAsync());
        var unchanged = await _client.GetDataAsync(owner.Token, $"{SupportApi.Conversations}/{id}");
        Assert.Equal(("open", 1), (unchanged.Text("status"), unchanged.GetProperty("messageCount").GetInt32()));
    }

    [Fact]
    public async Task Anonymous_callers_get_401_on_every_route()
    {
        var id = Guid.CreateVersion7();
        var routes = new (HttpMethod Method, string Path, object? Body)[]
        {
            (HttpMethod.Post, SupportApi.Conversations, new { subject = "Hi", body = "Hello" }),
            (HttpMethod.Get, SupportApi.Conversations, null),
            (HttpMethod.Get, $"{SupportApi.Conversations}/{id}", null),
            (HttpMethod.Patch, $"{SupportApi.Conversations}/{id}", new { status = "closed" }),
            (HttpMethod.Get, $"{SupportApi.Conversations}/{id}/messages", null),
            (HttpMethod.Post, $"{SupportApi.Conversations}/{id}/messages", new { body = "Hello" }),
        };
        foreach (var (method, path, body) in routes)
        {
            using var response = await _client.CallAsync(method, path, null, body);
            await response.ExpectErrorAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        }
    }

    [Fact]
    public async Task A_customer_gets_403_on_what_only_staff_do_and_nothing_changes()
    {
        var customer = await _client.CustomerAsync();
        var agent = await _client.SupportAgentAsync();
        var id = (await _client.OpenAsync(customer)).Id();
        var before = await factory.CountsAsync();

        var attempts = new (HttpMethod Method, string Path, object? Body)[]
        {
            (HttpMethod.Post, $"{SupportApi.Conversations}/{id}/messages", new { body = "Psst", @internal = true }),
            (HttpMethod.Patch, $"{SupportApi.Conversations}/{id}", new { status = "pending" }),
            (HttpMethod.Patch, $"{SupportApi.Conversations}/{id}", new { status = "open" }),
            (HttpMethod.Patch, $"{SupportApi.Conversations}/{id}", new { assigneeId = agent.UserId }),
            (HttpMethod.Get, $"{SupportApi.Conversations}?customerId={customer.UserId}", null),
            (HttpMethod.Get, $"{SupportApi.Conversations}?assigneeId={agent.UserId}", null),
            (HttpMethod.Get, $"{SupportApi.Conversations}?unassigned=true", null),
        };
        foreach (var (method, path, body) in attempts)
        {
            using var response = await _client.CallAsync(method, path, customer.Token, body);
            await response.ExpectErrorAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        }

        Assert.Equal(before, await factory.CountsAsync());
        var unchanged = await _client.GetDataAsync(agent.Token, $"{SupportApi.Conversations}/{id}");
        Assert.Equal(("open", 0), (unchanged.Text("status"), unchanged.GetProperty("noteCount").GetInt32()));
        Assert.True(unchanged.IsNull("assigneeId"));
    }

    [Fact]
    public async Task Staff_do_not_open_conversations()
    {
        var agent = await _client.SupportAgentAsync();
        var admin = await _client.AdminTokenAsync();
        var before = await factory.CountsAsync();

        foreach (var token in new[] { agent.Token, admin })
        {
            using var response = await _client.CallAsync(HttpMethod.Post, SupportApi.Conversations, token, new { subject = "Hi", body = "Hello" });
            await response.ExpectErrorAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        }

        Assert.Equal(before, await factory.CountsAsync());
    }

    [Fact]
    public async Task The_Support_role_answers_conversations_but_gets_403_on_the_rest_of_the_back_office()
    {
        var agent = await _client.SupportAgentAsync();
        var customer = await _client.CustomerAsync();
        var admin = await _client.AdminTokenAsync();
        var category = await _client.CreateCategoryAsync(admin);
        var id = (await _client.OpenAsync(customer)).Id();

        Assert.Contains(id, (await _client.GetDataAsync(agent.Token, SupportApi.Conversations + "?pageSize=100")).Ids());
        await _client.PostAsync(agent.Token, id, "Happy to help.");
        Assert.Equal("pending", (await _client.GetDataAsync(agent.Token, $"{SupportApi.Conversations}/{id}")).Text("status"));

        var elsewhere = new (HttpMethod Method, string Path, object? Body)[]
        {
            (HttpMethod.Post, "/api/v1/products", new { name = "Sneaky", sku = "SNEAK-" + ShopApi.Unique(), price = 1m, categoryId = category, stock = 1 }),
            (HttpMethod.Post, "/api/v1/categories", new { name = "Sneaky " + ShopApi.Unique() }),
            (HttpMethod.Get, $"/api/v1/orders?userId={customer.UserId}", null),
            (HttpMethod.Get, "/api/v1/users", null),
            (HttpMethod.Put, $"/api/v1/users/{agent.UserId}/roles", new { roles = new[] { "Admin" } }),
            (HttpMethod.Get, "/api/v1/notifications/templates", null),
        };
        foreach (var (method, path, body) in elsewhere)
        {
            using var response = await _client.CallAsync(method, path, agent.Token, body);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {path} answered {(int)response.StatusCode}");
            await response.ExpectErrorAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        }
    }

    [Fact]
    public async Task Identity_accepts_the_Support_role_and_lists_its_holders()
    {
        var agent = await _client.SupportAgentAsync();
        var admin = await _client.AdminTokenAsync();

        var user = await _client.GetDataAsync(admin, $"/api/v1/users/{agent.UserId}");
        Assert.Equal(["Support"], user.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());
        var holders = await _client.GetDataAsync(admin, "/api/v1/users?role=support&pageSize=100");
        Assert.Contains(agent.UserId, holders.Ids());

        using var unknown = await _client.CallAsync(HttpMethod.Put, $"/api/v1/users/{agent.UserId}/roles", admin, new { roles = new[] { "Helpdesk" } });
        await unknown.ExpectErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Contains("Support", (await unknown.ReadJsonAsync()).GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteConversationAccessTests(SupportFactory factory) : ConversationAccessTests<SupportFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresConversationAccessTests(PostgresSupportFactory factory) : ConversationAccessTests<PostgresSupportFactory>(factory);
