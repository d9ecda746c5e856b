using System.Net;
using System.Text.Json;
using Mercato.Messaging.Tests.RabbitMq;
using Mercato.Messaging.Tests.Support;
using Mercato.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Messaging.Tests.Operations;

/// <summary>
/// <c>/api/v1/operations/{module}/dead-letters</c> on the real RabbitMQ: a note the Audit handler
/// always fails on is dead-lettered; the list shows it (and listing twice loses nothing); once
/// the handler is fixed, replaying moves it back to the Audit queue and it is applied; a
/// discarded message is gone.
/// </summary>
public sealed class DeadLetterOperationsTests(RabbitMqOperationsHost host) : IClassFixture<RabbitMqOperationsHost>
{
    private static readonly string DeadLetters = OperationsHost.PathOf("audit", "/dead-letters");

    [Fact]
    public async Task A_dead_lettered_message_is_listed_replayed_to_the_fixed_handler_or_discarded()
    {
        var configuration = host.Factory.Services.GetRequiredService<IConfiguration>();
        var replayedNote = await host.Anonymous.CreateNoteAsync($"{RabbitMqSettings.Poison} to replay");
        var discardedNote = await host.Anonymous.CreateNoteAsync($"{RabbitMqSettings.Poison} to discard");

        var replayed = await WaitForDeadLetterAsync(replayedNote);
        var discarded = await WaitForDeadLetterAsync(discardedNote);
        Assert.Equal(EventFlow.NoteCreatedName, replayed.GetProperty("type").GetString());
        Assert.Equal("probe", replayed.GetProperty("source").GetString());
        Assert.Equal("delivery_limit", replayed.GetProperty("reason").GetString());

        // Peeking leaves every message in place.
        var first = await ListAsync();
        var second = await ListAsync();
        Assert.Equal(first.GetProperty("totalCount").GetInt64(), second.GetProperty("totalCount").GetInt64());
        Assert.True(second.GetProperty("totalCount").GetInt64() >= 2);

        // Fixed handler: the replayed message is applied once, and leaves the dead-letter queue.
        configuration["Audit:AlwaysFailMarker"] = "no note contains this";
        var replayedId = replayed.GetProperty("messageId").GetString();
        using (var response = await host.Admin.PostAsync(new Uri($"{DeadLetters}/{replayedId}/replay", UriKind.Relative), null))
        {
            Assert.Equal(1, (await DataAsync(response)).GetProperty("count").GetInt32());
        }

        var entry = await host.Anonymous.WaitForAuditEntryAsync(replayedNote);
        Assert.Contains("to replay", entry.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.False(Contains(await ListAsync(), replayedNote));

        // Discard: gone for good, and not applied.
        var discardedId = discarded.GetProperty("messageId").GetString();
        using (var response = await host.Admin.DeleteAsync(new Uri($"{DeadLetters}/{discardedId}", UriKind.Relative)))
        {
            Assert.Equal(1, (await DataAsync(response)).GetProperty("count").GetInt32());
        }

        Assert.False(Contains(await ListAsync(), discardedNote));
        Assert.Empty(await host.Anonymous.AuditEntriesAsync(discardedNote));
        using var again = await host.Admin.DeleteAsync(new Uri($"{DeadLetters}/{discardedId}", UriKind.Relative));
        await again.ExpectErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        using var badId = await host.Admin.PostAsync(new Uri($"{DeadLetters}/nope/replay", UriKind.Relative), null);
        await badId.ExpectErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        using var tooDeep = await host.Admin.GetAsync(new Uri($"{DeadLetters}?pageNumber=20&pageSize=100", UriKind.Relative));
        await tooDeep.ExpectErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }

    private Task<JsonElement> WaitForDeadLetterAsync(Guid noteId) =>
        MercatoProcess.EventuallyAsync(
            async () => (await ListAsync()).GetProperty("items").EnumerateArray()
                .FirstOrDefault(m => m.GetProperty("payload").GetString()!.Contains(noteId.ToString(), StringComparison.Ordinal)),
            m => m.ValueKind == JsonValueKind.Object,
            EventFlow.Patience);

    private async Task<JsonElement> ListAsync()
    {
        using var response = await host.Admin.GetAsync(new Uri(DeadLetters + "?pageSize=100", UriKind.Relative));
        return await DataAsync(response);
    }

    private static bool Contains(JsonElement page, Guid noteId) =>
        page.GetProperty("items").EnumerateArray().Any(m => m.GetProperty("payload").GetString()!.Contains(noteId.ToString(), StringComparison.Ordinal));

    private static async Task<JsonElement> DataAsync(HttpResponseMessage response)
    {
        var json = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {json}");
        return json.GetProperty("data");
    }
}
