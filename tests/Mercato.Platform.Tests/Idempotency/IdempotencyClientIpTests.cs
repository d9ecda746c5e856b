using System.Net;
using System.Net.Sockets;

namespace Mercato.Platform.Tests.Idempotency;

/// <summary>
/// Over real Kestrel on loopback: a guest without a cart key is scoped by client IP, so two
/// guests on different addresses using the same key each get their own result.
/// </summary>
public sealed class IdempotencyClientIpTests : IAsyncLifetime
{
    private readonly TestHostFactory _factory = new();
    private Uri _address = null!;

    public ValueTask InitializeAsync()
    {
        _address = _factory.StartKestrel();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Guests_on_different_addresses_have_separate_keys()
    {
        using var first = ClientFrom(IPAddress.Parse("127.0.0.2"));
        using var second = ClientFrom(IPAddress.Parse("127.0.0.3"));
        var reference = ProbeOrders.NewReference();
        var key = ProbeOrders.NewKey();
        var body = ProbeOrders.Body(reference);

        var firstGuest = await ProbeOrders.PostAsync(first, body, key);
        var secondGuest = await ProbeOrders.PostAsync(second, body, key);
        var firstRetry = await ProbeOrders.PostAsync(first, body, key);
        var secondRetry = await ProbeOrders.PostAsync(second, body, key);

        Assert.Equal(HttpStatusCode.Created, firstGuest.Status);
        Assert.Equal(HttpStatusCode.Created, secondGuest.Status);
        Assert.Null(secondGuest.Replayed);
        Assert.NotEqual(firstGuest.Number, secondGuest.Number);
        firstRetry.AssertReplayOf(firstGuest);
        secondRetry.AssertReplayOf(secondGuest);
        Assert.Equal(2, (await ProbeOrders.ListAsync(first, reference)).Length);
    }

    [Fact]
    public async Task Stored_and_replayed_responses_keep_the_platform_headers()
    {
        using var client = ClientFrom(IPAddress.Loopback);
        var key = ProbeOrders.NewKey();
        var body = ProbeOrders.Body(ProbeOrders.NewReference());

        using var firstResponse = await client.SendAsync(ProbeOrders.Request(body, key));
        using var replayResponse = await client.SendAsync(ProbeOrders.Request(body, key));

        foreach (var response in new[] { firstResponse, replayResponse })
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Single(response.Headers.GetValues("X-Correlation-Id"));
            Assert.Equal((await response.Content.ReadAsByteArrayAsync()).Length, response.Content.Headers.ContentLength);
        }

        Assert.NotEqual(
            firstResponse.Headers.GetValues("X-Correlation-Id").Single(),
            replayResponse.Headers.GetValues("X-Correlation-Id").Single());
        Assert.Equal("true", replayResponse.Headers.GetValues("Idempotent-Replayed").Single());
    }

    private HttpClient ClientFrom(IPAddress source) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                socket.Bind(new IPEndPoint(source, 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    })
    {
        BaseAddress = _address,
    };
}
