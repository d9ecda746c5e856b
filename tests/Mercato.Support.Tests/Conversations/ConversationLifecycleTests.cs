using System.Net;
using Mercato.Support.Tests.Infrastructure;
using Mercato.Testing;

namespace Mercato.Support.Tests.Conversations;

/// <summary>
/// A conversation from opening to resolution, as a helpdesk runs it: staff replies make it
/// pending, customer messages open it again, notes stay with staff, and every message is
/// published as <c>support.message-created.v1</c>.
/// </summary>
public abstract class ConversationLifecycleTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SupportFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Open_reply_answer_close_and_reopen_move_the_status_and_the_times()
    {
        var customer = await _client.CustomerAsync();
        var admin = await _client.AdminTokenAsync();

        var opened = await _client.OpenAsync(customer, "Wrong size", "The shoes are too small.");
        var id = opened.Id();
        Assert.Equal(("open", 1, customer.UserId), (opened.Text("status"), opened.GetProperty("messageCount").GetInt32(), opened.GetProperty("customerId").GetGuid()));
        Assert.True(opened.IsNull("firstResponseAt") && opened.IsNull("resolvedAt") && opened.IsNull("assigneeId") && opened.IsNull("orderId"));

        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var reply = await _client.PostAsync(admin, id, "Please send them back; we exchange them.");
        Assert.True(reply.GetProperty("byStaff").GetBoolean());
        var pending = await _client.GetDataAsync(customer.Token, $"{SupportApi.Conversations}/{id}");
        Assert.Equal(("pending", 2), (pending.Text("status"), pending.GetProperty("messageCount").GetInt32()));
        var firstResponse = pending.GetProperty("firstResponseAt").GetDateTime();
        Assert.Equal(reply.GetProperty("createdAt").GetDateTime(), firstResponse, TimeSpan.FromMilliseconds(1));

        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        await _client.PostAsync(customer.Token, id, "Sent them today.");
        var open = await _client.GetDataAsync(customer.Token, $"{SupportApi.Conversations}/{id}");
        Assert.Equal(("open", 3), (open.Text("status"), open.GetProperty("messageCount").GetInt32()));

        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        await _client.PostAsync(admin, id, "The new pair is on its way.");
        var closed = await _client.PatchAsync(admin, id, new { status = "closed" });
        Assert.Equal("closed", closed.Text("status"));
        Assert.Equal(firstResponse, closed.GetProperty("firstResponseAt").GetDateTime());
        Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime, closed.GetProperty("resolvedAt").GetDateTime(), TimeSpan.FromMilliseconds(1));

        // A customer message reopens a closed conversation and clears its resolution.
        await _client.PostAsync(customer.Token, id, "One more question.");
        var reopened = await _client.GetDataAsync(customer.Token, $"{SupportApi.Conversations}/{id}");
        Assert.Equal(("open", 5), (reopened.Text("status"), reopened.GetProperty("messageCount").GetInt32()));
        Assert.True(reopened.IsNull("resolvedAt"));
        Assert.Equal(firstResponse, reopened.GetProperty("firstResponseAt").GetDateTime());

        // The customer may close their own conversation.
        var closedByCustomer = await _client.PatchAsync(customer.Token, id, new { status = "closed" });
        Assert.Equal("closed", closedByCustomer.Text("status"));
        Assert.False(closedByCustomer.IsNull("resolvedAt"));

        var messages = await _client.GetDataAsync(customer.Token, $"{SupportApi.Conversations}/{id}/messages");
        Assert.Equal(
            ["The shoes are too small.", "Please send them back; we exchange them.", "Sent them today.", "The new pair is on its way.", "One more question."],
            messages.GetProperty("items").EnumerateArray().Select(m => m.Text("body")!).ToArray());
        Assert.Equal([false, true, false, true, false], messages.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("byStaff").GetBoolean()).ToArray());
    }

    [Fact]
    public async Task Internal_notes_are_never_shown_to_the_customer_and_change_no_status()
    {
        var customer = await _client.CustomerAsync();
        var agent = await _client.SupportAgentAsync();
        var id = (await _client.OpenAsync(customer)).Id();

        var note = await _client.PostAsync(agent.Token, id, "Customer called twice already.", isInternal: true);
        Assert.True(note.GetProperty("internal").GetBoolean());

        var forCustomer = await _client.GetDataAsync(customer.Token, $"{SupportApi.Conversations}/{id}");
        Assert.Equal(("open", 1), (forCustomer.Text("status"), forCustomer.GetProperty("messageCount").GetInt32()));
        Assert.True(forCustomer.IsNull("noteCount") && forCustomer.IsNull("lastActivityAt") && forCustomer.IsNull("firstResponseAt"));
        var customerMessages = await _client.GetDataAsync(customer.Token, $"{SupportApi.Conversations}/{id}/messages");
        Assert.Equal(1, customerMessages.GetProperty("totalCount").GetInt32());
        Assert.DoesNotContain("Customer called twice already.", customerMessages.ToString(), StringComparison.Ordinal);
        var customerList = await _client.GetDataAsync(customer.Token, SupportApi.Conversations);
        Assert.DoesNotContain("noteCount\":1", customerList.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, customerList.GetProperty("items")[0].GetProperty("messageCount").GetInt32());

        var forStaff = await _client.GetDataAsync(agent.Token, $"{SupportApi.Conversations}/{id}");
        Assert.Equal((1, 1), (forStaff.GetProperty("messageCount").GetInt32(), forStaff.GetProperty("noteCount").GetInt32()));
        var staffMessages = await _client.GetDataAsync(agent.Token, $"{SupportApi.Conversations}/{id}/messages");
        Assert.Equal([false, true], staffMessages.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("internal").GetBoolean()).ToArray());
    }

    [Fact]
    public async Task Every_message_is_published_with_its_conversation_author_and_visibility()
    {
        var customer = await _client.CustomerAsync();
        var agent = await _client.SupportAgentAsync();
        var admin = await _client.AdminTokenAsync();
        var order = await _client.PlaceOrderAsync(customer.Token, admin);
        var id = (await _client.OpenAsync(customer, "Damaged box", "The box was crushed.", order.Id)).Id();
        var reply = await _client.PostAsync(agent.Token, id, "Sorry! Photos please.");
        var note = await _client.PostAsync(agent.Token, id, "Carrier claim opened.", isInternal: true);

        var events = await factory.MessageEventsAsync(id);

        Assert.Equal(3, events.Count);
        Assert.All(events, e =>
        {
            Assert.Equal(id, e.GetProperty("conversationId").GetGuid());
            Assert.Equal(customer.UserId, e.GetProperty("customerId").GetGuid());
            Assert.Equal(order.Id, e.GetProperty("orderId").GetGuid());
            Assert.Equal("Damaged box", e.GetProperty("subject").GetString());
        });
        Assert.Equal(
            [(customer.UserId, false, false, "The box was crushed."), (agent.UserId, true, false, "Sorry! Photos please."), (agent.UserId, true, true, "Carrier claim opened.")],
            events.Select(e => (e.GetProperty("authorId").GetGuid(), e.GetProperty("byStaff").GetBoolean(), e.GetProperty("internal").GetBoolean(), e.GetProperty("body").GetString()!)).ToArray());
        Assert.Equal(reply.Id(), events[1].GetProperty("messageId").GetGuid());
        Assert.Equal(note.Id(), events[2].GetProperty("messageId").GetGuid());
    }

    [Fact]
    public async Task A_conversation_about_an_order_must_be_about_one_of_the_customers_own()
    {
        var customer = await _client.CustomerAsync();
        var stranger = await _client.CustomerAsync("Mallory");
        var admin = await _client.AdminTokenAsync();
        var order = await _client.PlaceOrderAsync(customer.Token, admin);

        var about = await _client.OpenAsync(customer, orderId: order.Id);
        Assert.Equal(order.Id, about.GetProperty("orderId").GetGuid());

        var before = await factory.CountsAsync();
        foreach (var orderId in new[] { order.Id, Guid.CreateVersion7() })
        {
            using var refused = await _client.CallAsync(HttpMethod.Post, SupportApi.Conversations, stranger.Token, new { subject = "Hi", body = "About this order", orderId });
            await refused.ExpectErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
            Assert.Equal(["orderId"], (await refused.ReadErrorAsync()).ErrorFields());
            // The same words for another's order as for none: nothing tells that it exists.
            Assert.Contains("is not one of your orders", (await refused.ReadJsonAsync()).GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(before, await factory.CountsAsync());
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteConversationLifecycleTests(SupportFactory factory) : ConversationLifecycleTests<SupportFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresConversationLifecycleTests(PostgresSupportFactory factory) : ConversationLifecycleTests<PostgresSupportFactory>(factory);
