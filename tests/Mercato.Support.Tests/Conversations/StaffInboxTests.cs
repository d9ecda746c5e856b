using System.Net;
using Mercato.Support.Tests.Infrastructure;
using Mercato.Testing;

namespace Mercato.Support.Tests.Conversations;

/// <summary>Staff's inbox: every customer's conversations, newest activity first, filtered and paged; assignment to staff only.</summary>
public abstract class StaffInboxTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SupportFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Staff_filter_by_status_assignee_customer_and_order_and_page_newest_activity_first()
    {
        var agent = await _client.SupportAgentAsync();
        var admin = await _client.AdminTokenAsync();
        var ada = await _client.CustomerAsync("Ada");
        var bob = await _client.CustomerAsync("Bob");
        var order = await _client.PlaceOrderAsync(bob.Token, admin);
        var first = (await _client.OpenAsync(ada, "First")).Id();
        factory.Clock.Advance(TimeSpan.FromMilliseconds(10));
        var second = (await _client.OpenAsync(ada, "Second")).Id();
        factory.Clock.Advance(TimeSpan.FromMilliseconds(10));
        var third = (await _client.OpenAsync(bob, "Third", orderId: order.Id)).Id();
        factory.Clock.Advance(TimeSpan.FromMilliseconds(10));
        await _client.PostAsync(agent.Token, first, "Looking into it.");
        await _client.PatchAsync(agent.Token, second, new { assigneeId = agent.UserId });

        var adas = await _client.GetDataAsync(agent.Token, $"{SupportApi.Conversations}?customerId={ada.UserId}");
        Assert.Equal([first, second], adas.Ids());
        Assert.Equal([first], (await _client.GetDataAsync(agent.Token, $"{SupportApi.Conversations}?customerId={ada.UserId}&status=pending")).Ids());
        Assert.Equal([second], (await _client.GetDataAsync(agent.Token, $"{SupportApi.Conversations}?customerId={ada.UserId}&status=OPEN")).Ids());
        Assert.Equal([second], (await _client.GetDataAsync(agent.Token, $"{SupportApi.Conversations}?assigneeId={agent.UserId}")).Ids());
        Assert.Equal([first], (await _client.GetDataAsync(agent.Token, $"{SupportApi.Conversations}?customerId={ada.UserId}&unassigned=true")).Ids());
        Assert.Equal([third], (await _client.GetDataAsync(agent.Token, $"{SupportApi.Conversations}?orderId={order.Id}")).Ids());
        Assert.Equal([third], (await _client.GetDataAsync(admin, $"{SupportApi.Conversations}?orderId={order.Id}")).Ids());

        // The whole inbox is newest activity first, and pages hold what the seed's pagination says.
        var all = await _client.GetDataAsync(agent.Token, $"{SupportApi.Conversations}?pageSize=100");
        var ours = all.Ids().Where(i => i == first || i == second || i == third).ToArray();
        Assert.Equal([first, third, second], ours);
        var total = all.GetProperty("totalCount").GetInt32();
        var page2 = await _client.GetDataAsync(agent.Token, $"{SupportApi.Conversations}?pageSize=1&pageNumber=2");
        Assert.Equal((2, 1, total, total, true, total > 2), (
            page2.GetProperty("pageNumber").GetInt32(), page2.GetProperty("pageSize").GetInt32(), page2.GetProperty("totalCount").GetInt32(),
            page2.GetProperty("totalPages").GetInt32(), page2.GetProperty("hasPreviousPage").GetBoolean(), page2.GetProperty("hasNextPage").GetBoolean()));
        Assert.Equal(all.Ids()[1], page2.Ids().Single());

        // A customer's own list holds only theirs, and filters by status and order.
        Assert.Equal([first, second], (await _client.GetDataAsync(ada.Token, SupportApi.Conversations)).Ids());
        Assert.Equal([second], (await _client.GetDataAsync(ada.Token, $"{SupportApi.Conversations}?status=open")).Ids());
        Assert.Equal([third], (await _client.GetDataAsync(bob.Token, $"{SupportApi.Conversations}?orderId={order.Id}")).Ids());
        Assert.Empty((await _client.GetDataAsync(ada.Token, $"{SupportApi.Conversations}?orderId={order.Id}")).Ids());
    }

    [Fact]
    public async Task Conversations_are_assigned_to_staff_members_only_and_unassigned_with_null()
    {
        var agent = await _client.SupportAgentAsync();
        var admin = await _client.AdminTokenAsync();
        var customer = await _client.CustomerAsync();
        var id = (await _client.OpenAsync(customer)).Id();

        // The agent became staff through Identity's UserRolesChanged event, before ever calling Support.
        var assigned = await AssignWhenKnownAsync(admin, id, agent.UserId);
        Assert.Equal(agent.UserId, assigned.GetProperty("assigneeId").GetGuid());
        Assert.Equal(agent.UserId, (await _client.GetDataAsync(customer.Token, $"{SupportApi.Conversations}/{id}")).GetProperty("assigneeId").GetGuid());

        // Neither a customer nor an unknown id is staff.
        foreach (var nonStaff in new[] { customer.UserId, Guid.CreateVersion7() })
        {
            using var refused = await _client.CallAsync(HttpMethod.Patch, $"{SupportApi.Conversations}/{id}", admin, new { assigneeId = nonStaff });
            await refused.ExpectErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
            Assert.Equal(["assigneeId"], (await refused.ReadErrorAsync()).ErrorFields());
        }

        Assert.Equal(agent.UserId, (await _client.GetDataAsync(admin, $"{SupportApi.Conversations}/{id}")).GetProperty("assigneeId").GetGuid());

        // A staff member may take it themselves (the seeded administrator is known from their token).
        var adminId = (await _client.GetDataAsync(admin, "/api/v1/auth/me")).Id();
        Assert.Equal(adminId, (await _client.PatchAsync(admin, id, new { assigneeId = adminId, status = "pending" })).GetProperty("assigneeId").GetGuid());
        var unassigned = await _client.PatchAsync(agent.Token, id, new { assigneeId = (Guid?)null });
        Assert.True(unassigned.IsNull("assigneeId"));
        Assert.Equal("pending", unassigned.Text("status"));

        // Demoted to a customer, the agent can no longer be assigned.
        using var demoted = await _client.CallAsync(HttpMethod.Put, $"/api/v1/users/{agent.UserId}/roles", admin, new { roles = new[] { "Customer" } });
        await demoted.ExpectAsync(HttpStatusCode.OK);
        await Eventually.HoldsAsync(
            async () =>
            {
                using var response = await _client.CallAsync(HttpMethod.Patch, $"{SupportApi.Conversations}/{id}", admin, new { assigneeId = agent.UserId });
                return response.StatusCode == HttpStatusCode.BadRequest;
            },
            "the demoted agent is refused as assignee");
    }

    private async Task<System.Text.Json.JsonElement> AssignWhenKnownAsync(string token, Guid id, Guid assigneeId)
    {
        System.Text.Json.JsonElement result = default;
        await Eventually.HoldsAsync(
            async () =>
            {
                using var response = await _client.CallAsync(HttpMethod.Patch, $"{SupportApi.Conversations}/{id}", token, new { assigneeId });
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    return false;
                }

                result = (await response.ReadJsonAsync()).GetProperty("data");
                return true;
            },
            "the agent is assignable");
        return result;
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteStaffInboxTests(SupportFactory factory) : StaffInboxTests<SupportFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresStaffInboxTests(PostgresSupportFactory factory) : StaffInboxTests<PostgresSupportFactory>(factory);
