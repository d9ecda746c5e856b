using System.Net;
using Mercato.Messaging.Outbox;
using Mercato.Ordering.Tests.Support;
using Mercato.Platform.Persistence;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Ordering.Tests.Messaging;

/// <summary>
/// In a host of four modules, each module's commit wakes that module's own outbox relay: the
/// relays poll once an hour here, so an event only goes out within the test's patience if the
/// commit signalled the right relay (one module's commit must not use up another's signal).
/// </summary>
public sealed class RelayWakeTests(RelayWakeTests.HourlyPollFactory factory) : IClassFixture<RelayWakeTests.HourlyPollFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Each_module_s_commit_is_published_without_waiting_for_the_hourly_poll()
    {
        var admin = await _client.AdminTokenAsync();
        var product = await _client.ProductAsync(admin, 12.50m, stock: 5);
        await AllPublishedAsync("catalog");

        var (_, _, customer) = await _client.RegisterCustomerAsync();
        await AllPublishedAsync("identity");

        await _client.AddAsync(customer, product, 1);
        using var placed = await _client.PlaceOrderAsync(customer, Shop.OrderBody());
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        await AllPublishedAsync("ordering");
        await AllPublishedAsync("catalog");
    }

    /// <summary>Waits until the module's outbox has rows and none of them is left unpublished.</summary>
    private async Task AllPublishedAsync(string module)
    {
        var database = factory.Services.GetServices<ModuleDatabase>().Single(d => d.Module == module);
        var waiting = await MercatoProcess.EventuallyAsync(
            async () =>
            {
                await using var scope = factory.Services.CreateAsyncScope();
                var outbox = ((DbContext)scope.ServiceProvider.GetRequiredService(database.ContextType)).Set<OutboxMessage>();
                return (Rows: await outbox.CountAsync(), Waiting: await outbox.CountAsync(m => m.ProcessedAt == null));
            },
            c => c.Rows > 0 && c.Waiting == 0,
            TimeSpan.FromSeconds(30));
        Assert.Equal(0, waiting.Waiting);
    }

    /// <summary>The Ordering test host with relays that poll once an hour.</summary>
    public sealed class HourlyPollFactory : OrderingFactory
    {
        /// <summary>Creates it.</summary>
        public HourlyPollFactory() => Settings["Messaging:Relay:PollInterval"] = "01:00:00";
    }
}
