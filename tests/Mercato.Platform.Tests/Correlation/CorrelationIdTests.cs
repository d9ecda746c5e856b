using System.Net;
using Mercato.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Mercato.Platform.Tests.Correlation;

/// <summary><c>X-Correlation-Id</c> is accepted when valid, generated otherwise, echoed, and propagated.</summary>
public sealed class CorrelationIdTests : IAsyncLifetime
{
    private readonly TestHostFactory _factory = new();
    private WebApplication _downstream = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        // A real downstream service on a loopback port that reports the header it received.
        (_downstream, var url) = await LoopbackApp.StartAsync((app, _) =>
            app.MapGet("/echo", (HttpRequest request) => request.Headers["X-Correlation-Id"].ToString()));

        _factory.Settings["Probe:DownstreamUrl"] = url + "/echo";
        _client = _factory.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _downstream.DisposeAsync();
    }

    [Fact]
    public async Task A_valid_supplied_id_is_echoed_and_used_for_the_request_and_outgoing_calls()
    {
        var response = await GetCorrelationAsync("order-flow:42.abc_DEF-9");

        Assert.Equal("order-flow:42.abc_DEF-9", response.Headers.GetValues("X-Correlation-Id").Single());
        var data = (await response.ReadJsonAsync()).GetProperty("data");
        Assert.Equal("order-flow:42.abc_DEF-9", data.GetProperty("correlationId").GetString());
        Assert.Equal("order-flow:42.abc_DEF-9", data.GetProperty("downstreamSaw").GetString());
    }

    [Fact]
    public async Task A_missing_id_is_generated_echoed_and_propagated()
    {
        var response = await GetCorrelationAsync(null);

        var echoed = response.Headers.GetValues("X-Correlation-Id").Single();
        Assert.Matches("^[0-9a-f]{32}$", echoed);
        var data = (await response.ReadJsonAsync()).GetProperty("data");
        Assert.Equal(echoed, data.GetProperty("correlationId").GetString());
        Assert.Equal(echoed, data.GetProperty("downstreamSaw").GetString());
    }

    [Theory]
    [InlineData("has spaces in it")]
    [InlineData("semi;colon")]
    [InlineData("<script>")]
    [InlineData("ünïcode")]
    public async Task An_invalid_id_is_replaced_not_echoed(string supplied)
    {
        var response = await GetCorrelationAsync(supplied);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var echoed = response.Headers.GetValues("X-Correlation-Id").Single();
        Assert.NotEqual(supplied, echoed);
        Assert.Matches("^[0-9a-f]{32}$", echoed);
    }

    [Fact]
    public async Task An_overlong_id_is_replaced()
    {
        var response = await GetCorrelationAsync(new string('a', 129));

        Assert.Matches("^[0-9a-f]{32}$", response.Headers.GetValues("X-Correlation-Id").Single());
        var accepted = await GetCorrelationAsync(new string('a', 128));
        Assert.Equal(new string('a', 128), accepted.Headers.GetValues("X-Correlation-Id").Single());
    }

    [Fact]
    public async Task Error_responses_carry_the_correlation_id_too()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/no-such-route");
        request.Headers.Add("X-Correlation-Id", "err-1");

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("err-1", response.Headers.GetValues("X-Correlation-Id").Single());
    }

    private async Task<HttpResponseMessage> GetCorrelationAsync(string? id)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/probe/correlation");
        if (id is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Correlation-Id", id);
        }

        return await _client.SendAsync(request);
    }
}
