using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Mercato.Testing;

namespace Mercato.Platform.Tests.Errors;

/// <summary>
/// The refusals a web server makes on its own (oversized headers, an oversized request target,
/// a request it cannot parse) answer in the error envelope on the real server (Kestrel on a loopback socket,
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

    public static TheoryData<string, string> Unparsable => new()
    {
        { "percent-encoded NUL in the path", "GET /api/v1/products/%00 HTTP/1.1\r\nHost: localhost\r\n\r\n" },
        { "raw NUL in the path", "GET /api/v1/products/\0 HTTP/1.1\r\nHost: localhost\r\n\r\n" },
        { "NUL in a header value", "GET /api/v1/probe/notes HTTP/1.1\r\nHost: localhost\r\nX-Note: a\0b\r\n\r\n" },
        { "malformed request line", "GARBAGE\r\nHost: localhost\r\n\r\n" },
        { "no Host header", "GET /api/v1/probe/notes HTTP/1.1\r\n\r\n" },
    };

    [Theory]
    [MemberData(nameof(Unparsable))]
    public async Task A_request_the_server_cannot_parse_answers_400_in_the_envelope(string @case, string request)
    {
        var responses = await ExchangeAsync(request);

        var response = Assert.Single(responses);
        Assert.True(response.Status == 400, $"{@case}: {response.Status}");
        Assert.Equal("application/json; charset=utf-8", response.Header("Content-Type"));
        Assert.Equal("close", response.Header("Connection"));
        Assert.Equal(Encoding.UTF8.GetByteCount(response.Body).ToString(System.Globalization.CultureInfo.InvariantCulture), response.Header("Content-Length"));
        AssertEnvelope(response.Body, "INVALID_FORMAT", null);
    }

    [Fact]
    public async Task A_control_character_in_a_header_value_answers_400_in_the_envelope()
    {
        var responses = await ExchangeAsync("GET /api/v1/probe/notes HTTP/1.1\r\nHost: localhost\r\nX-Note: a\u0001b\r\nConnection: close\r\n\r\n");

        var response = Assert.Single(responses);
        Assert.Equal(400, response.Status);
        Assert.StartsWith("application/json", response.Header("Content-Type"), StringComparison.Ordinal);
        AssertEnvelope(response.Body, "INVALID_FORMAT", null);
        Assert.Contains("X-Note", JsonDocument.Parse(response.Body).RootElement.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keep_alive_and_pipelined_requests_are_answered_as_before_and_a_refusal_after_them_in_the_envelope()
    {
        var note = Guid.NewGuid();
        var responses = await ExchangeAsync(
            "GET /health/live HTTP/1.1\r\nHost: localhost\r\n\r\n"
            + $"GET /api/v1/probe/notes/{note} HTTP/1.1\r\nHost: localhost\r\n\r\n"
            + "GET /health/live HTTP/1.1\r\nHost: localhost\r\n\r\n"
            + "GET /api/v1/probe/notes/%00 HTTP/1.1\r\nHost: localhost\r\n\r\n");

        Assert.Equal([200, 404, 200, 400], responses.Select(r => r.Status).ToArray());
        Assert.Equal("chunked", responses[0].Header("Transfer-Encoding"));
        Assert.All([responses[0], responses[2]], r => Assert.Contains("\"Healthy\"", r.Body, StringComparison.Ordinal));
        AssertEnvelope(responses[1].Body, "NOT_FOUND", null);
        Assert.Equal($"/api/v1/probe/notes/{note}", JsonDocument.Parse(responses[1].Body).RootElement.GetProperty("path").GetString());
        AssertEnvelope(responses[3].Body, "INVALID_FORMAT", null);
    }

    [Fact]
    public async Task A_request_on_a_kept_alive_connection_after_a_good_one_is_served()
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(_address.Host, _address.Port);
        var stream = tcp.GetStream();
        foreach (var connection in new[] { "keep-alive", "close" })
        {
            await stream.WriteAsync(Encoding.Latin1.GetBytes($"GET /health/live HTTP/1.1\r\nHost: localhost\r\nConnection: {connection}\r\n\r\n"));
            await Task.Delay(50);
        }

        var responses = Parse(await ReadAllAsync(stream));

        Assert.Equal([200, 200], responses.Select(r => r.Status).ToArray());
        Assert.All(responses, r => Assert.Contains("\"Healthy\"", r.Body, StringComparison.Ordinal));
    }

    private async Task<(int Status, string Body)> SendRawAsync(string request)
    {
        var response = Assert.Single(await ExchangeAsync(request));
        return (response.Status, response.Body);
    }

    /// <summary>Sends raw bytes on one connection and reads every response until the server closes it.</summary>
    private async Task<List<RawResponse>> ExchangeAsync(string request)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(_address.Host, _address.Port);
        var stream = tcp.GetStream();
        if (!request.Contains("Connection: close", StringComparison.Ordinal) && !request.StartsWith("GARBAGE", StringComparison.Ordinal))
        {
            // The last request closes the connection, unless the server does so first.
            var last = request.LastIndexOf("\r\n\r\n", StringComparison.Ordinal);
            request = request[..last] + "\r\nConnection: close" + request[last..];
        }

        await stream.WriteAsync(Encoding.Latin1.GetBytes(request));
        return Parse(await ReadAllAsync(stream));
    }

    private static async Task<byte[]> ReadAllAsync(NetworkStream stream)
    {
        using var buffer = new MemoryStream();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await stream.CopyToAsync(buffer, timeout.Token);
        return buffer.ToArray();
    }

    /// <summary>The HTTP/1.1 responses in <paramref name="bytes"/>, bodies by Content-Length or chunked.</summary>
    private static List<RawResponse> Parse(byte[] bytes)
    {
        var text = Encoding.Latin1.GetString(bytes);
        var responses = new List<RawResponse>();
        var at = 0;
        while (at < text.Length)
        {
            var headEnd = text.IndexOf("\r\n\r\n", at, StringComparison.Ordinal);
            var lines = text[at..headEnd].Split("\r\n");
            var headers = lines.Skip(1).Select(l => l.Split(": ", 2)).ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
            at = headEnd + 4;
            string body;
            if (headers.TryGetValue("Content-Length", out var length))
            {
                var count = int.Parse(length, System.Globalization.CultureInfo.InvariantCulture);
                body = Encoding.UTF8.GetString(bytes, at, count);
                at += count;
            }
            else
            {
                var end = text.IndexOf("\r\n0\r\n\r\n", at, StringComparison.Ordinal) + 7;
                body = Dechunk(text[at..end]);
                at = end;
            }

            responses.Add(new RawResponse(int.Parse(lines[0].Split(' ', 3)[1], System.Globalization.CultureInfo.InvariantCulture), headers, body));
        }

        return responses;
    }

    private sealed record RawResponse(int Status, Dictionary<string, string> Headers, string Body)
    {
        public string? Header(string name) => Headers.GetValueOrDefault(name);
    }

    private static void AssertEnvelope(string body, string code, string? field)
    {
        Assert.False(string.IsNullOrEmpty(body), "an empty body: the server's own refusal, not the envelope");
        var json = JsonDocument.Parse(Dechunk(body)).RootElement;
        Assert.False(json.GetProperty("success").GetBoolean());
        var error = Assert.Single(json.GetProperty("errors").EnumerateArray().ToList());
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.Equal(field, error.GetProperty("field").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
        Assert.False(string.IsNullOrEmpty(json.GetProperty("message").GetString()));
        Assert.StartsWith("/", json.GetProperty("path").GetString(), StringComparison.Ordinal);

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
