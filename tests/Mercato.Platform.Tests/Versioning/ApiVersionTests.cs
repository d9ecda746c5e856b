using System.Net;
using Mercato.Testing;

namespace Mercato.Platform.Tests.Versioning;

/// <summary><c>X-API-Version</c>: version 1 in its three spellings is echoed, none means 1, anything else is 400 and runs nothing.</summary>
public sealed class ApiVersionTests(TestHostFactory factory) : IClassFixture<TestHostFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("1")]
    [InlineData("v1")]
    [InlineData("V1")]
    [InlineData("1.0")]
    public async Task A_supported_version_is_answered_and_echoed(string version)
    {
        using var response = await _client.CallAsync(HttpMethod.Get, "/health/live", headers: new Dictionary<string, string> { ["X-API-Version"] = version });

        await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(version, response.Headers.GetValues("X-API-Version").Single());
    }

    [Fact]
    public async Task Without_the_header_the_answer_says_version_1()
    {
        using var response = await _client.CallAsync(HttpMethod.Get, "/health/live");

        await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("1", response.Headers.GetValues("X-API-Version").Single());
    }

    [Fact]
    public async Task An_error_answer_carries_the_version_too()
    {
        using var response = await _client.CallAsync(HttpMethod.Get, "/api/v1/probe/whoami", headers: new Dictionary<string, string> { ["X-API-Version"] = "v1" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("v1", response.Headers.GetValues("X-API-Version").Single());
    }

    [Theory]
    [InlineData("2")]
    [InlineData("v2")]
    [InlineData("1.1")]
    [InlineData("latest")]
    public async Task An_unsupported_version_answers_400_with_its_code_and_runs_nothing(string version)
    {
        var reference = "version-" + Guid.NewGuid().ToString("N");
        using var response = await _client.CallAsync(
            HttpMethod.Post, "/api/v1/probe/quick-orders", body: new { reference, item = "lamp", quantity = 1 },
            headers: new Dictionary<string, string> { ["X-API-Version"] = version });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.ReadErrorAsync();
        Assert.Equal(["UNSUPPORTED_API_VERSION"], error.ErrorCodes());
        Assert.Equal(["X-API-Version"], error.ErrorFields());
        Assert.Equal("/api/v1/probe/quick-orders", error.GetProperty("path").GetString());
        Assert.Equal("1", response.Headers.GetValues("X-API-Version").Single());
        using var read = await _client.CallAsync(HttpMethod.Get, $"/api/v1/probe/orders?reference={reference}");
        await read.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(0, (await read.ReadJsonAsync()).GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task The_header_sent_twice_answers_400()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.TryAddWithoutValidation("X-API-Version", ["1", "1"]);

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["UNSUPPORTED_API_VERSION"], (await response.ReadErrorAsync()).ErrorCodes());
    }
}
