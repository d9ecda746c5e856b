using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Mercato.Testing;

namespace Mercato.Platform.Tests.Errors;

/// <summary>
/// The refusals a web server makes on its own (oversized headers, an oversized request target)
/// answer in the error envelope on the real server (Kestrel on a loopback socket,
/// which the in-memory test server would bypass), and a request just under the limits is served.
/// </summary>
public sealed class ServerRefusalTests : IAsyncLifetime
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
    public async Task An_oversized_query_answers_414_in_the_envelope()
    {
        var (status, body) = await SendRawAsync($"GET /api/v1/probe/notes?q={new string('a', 12 * 1024)} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        Assert.Equal(414, status);
        AssertEnvelope(body, "URI_TOO_LONG", null);
    }

    [Fact]
    public async Task Oversized_headers_answer_431_in_the_envelope()
    {
        var headers = string.Concat(Enumerable.Range(0, 5).Select(i => $"X-Filler-{i}: {new string('h', 8 * 1024)}\r\n"));
        var (status, body) = await SendRawAsync($"GET /api/v1/probe/notes HTTP/1.1\r\nHost: localhost\r\n{headers}Connection: close\r\n\r\n");

        Assert.Equal(431, status);
        AssertEnvelope(body, "REQUEST_HEADERS_TOO_LARGE", null);
    }

    [Fact]
    public async Task A_long_query_and_large_headers_under_the_limits_are_served()
    {
        using var client = new HttpClient { BaseAddress = _address };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/probe/notes/{Guid.NewGuid()}?q={new string('a', 7 * 1024)}");
        request.Headers.TryAddWithoutValidation("X-Filler", new string('h', 24 * 1024));

        using var response = await client.SendAsync(request);

        // The probe's own answer for a note that does not exist: the request reached the endpoint.
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(["NOT_FOUND"], (await response.ReadErrorAsync()).ErrorCodes());
    }

    private async Task<(int Status, string Body)> SendRawAsync(string request)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(_address.Host, _address.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync();
        var status = int.Parse(response.Split(' ', 3)[1], System.Globalization.CultureInfo.InvariantCulture);
        var separator = response.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return (status, response[(separator + 4)..]);
    }

    private static void AssertEnvelope(string body, string code, string? field)
    {
        Assert.False(string.IsNullOrEmpty(body), "an empty body: the server's own refusal, not the envelope");
        var json = JsonDocument.Parse(Dechunk(body)).RootElement;
        Assert.False(json.GetProperty("success").GetBoolean());
        var error = Assert.Single(json.GetProperty("errors").EnumerateArray().ToList());
        Assert.Equal(code, error.GetProperty("code").GetString());
        if (field is not null)
        {
            Assert.Equal(field, error.GetProperty("field").GetString());
        }

        Assert.False(string.IsNullOrEmpty(json.GetProperty("traceId").GetString()));
        Assert.False(string.IsNullOrEmpty(json.GetProperty("timestamp").GetString()));
    }

    /// <summary>The body of a chunked response, joined; a body with a length comes back as it is.</summary>
    private static string Dechunk(string body)
    {
        if (body.TrimStart().StartsWith('{'))
        {
            return body;
        }

        var result = new StringBuilder();
        var rest = body;
        while (true)
        {
            var lineEnd = rest.IndexOf("\r\n", StringComparison.Ordinal);
            var size = Convert.ToInt32(rest[..lineEnd], 16);
            if (size == 0)
            {
                return result.ToString();
            }

            result.Append(rest, lineEnd + 2, size);
            rest = rest[(lineEnd + 2 + size + 2)..];
        }
    }
}
