using Mercato.Platform.Correlation;
using Mercato.Platform.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Platform.Tests.Http;

/// <summary>Which outgoing requests a service client may repeat, and correlation ids on every client.</summary>
public sealed class IdempotentRequestTests
{
    [Theory]
    [InlineData("GET", false, true)]
    [InlineData("HEAD", false, true)]
    [InlineData("PUT", false, true)]
    [InlineData("DELETE", false, true)]
    [InlineData("POST", false, false)]
    [InlineData("PATCH", false, false)]
    [InlineData("POST", true, true)]
    public void Safe_and_idempotent_methods_and_marked_requests_may_be_repeated(string method, bool marked, bool idempotent)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri("http://localhost/x"));
        if (marked)
        {
            Assert.Same(request, request.MarkIdempotent());
        }

        Assert.Equal(idempotent, request.IsIdempotent());
    }

    [Fact]
    public async Task Correlation_propagation_added_twice_registers_one_handler_and_sends_the_id_once()
    {
        var seen = new List<string[]>();
        var services = new ServiceCollection();
        services.AddCorrelationPropagation();
        services.AddCorrelationPropagation();
        services.AddHttpClient("neighbour").ConfigurePrimaryHttpMessageHandler(() => new Recorder(seen));
        await using var provider = services.BuildServiceProvider();

        using (CorrelationContext.Begin("order-7"))
        {
            using var response = await provider.GetRequiredService<IHttpClientFactory>().CreateClient("neighbour")
                .GetAsync(new Uri("http://localhost/x"), TestContext.Current.CancellationToken);
        }

        Assert.Single(services, d => d.ServiceType == typeof(CorrelationIdDelegatingHandler));
        Assert.Equal(["order-7"], Assert.Single(seen));
    }

    private sealed class Recorder(List<string[]> seen) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            seen.Add(request.Headers.TryGetValues(CorrelationContext.HeaderName, out var values) ? [.. values] : []);
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK));
        }
    }
}
