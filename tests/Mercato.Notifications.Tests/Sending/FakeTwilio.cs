using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Mercato.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Mercato.Notifications.Tests.Sending;

/// <summary>One message the fake accepted.</summary>
/// <param name="Sid">The SID it answered (<c>SM...</c>).</param>
/// <param name="To">The form's <c>To</c>.</param>
/// <param name="From">The form's <c>From</c>, if any.</param>
/// <param name="MessagingServiceSid">The form's <c>MessagingServiceSid</c>, if any.</param>
/// <param name="Body">The form's <c>Body</c>.</param>
public sealed record FakeTwilioMessage(string Sid, string To, string? From, string? MessagingServiceSid, string Body);

/// <summary>
/// A local stand-in for Twilio's Programmable Messaging API on a loopback port, answering
/// <c>POST /2010-04-01/Accounts/{AccountSid}/Messages.json</c> as Twilio documents it: HTTP Basic
/// with the account SID and auth token (else 401, error 20003); a form with <c>To</c>, <c>Body</c>
/// and <c>From</c> or <c>MessagingServiceSid</c>; 201 with the message resource (<c>sid</c>
/// <c>SM...</c>, <c>status</c> <c>queued</c>, ...); 400 with error 21211 for an invalid <c>To</c>
/// (Twilio's magic test number <see cref="InvalidNumber"/>, or one not in E.164); and while
/// <see cref="Outage"/> is set, that status with Twilio's error JSON (429 20429, 5xx 20500).
/// </summary>
public sealed class FakeTwilio : IAsyncDisposable
{
    /// <summary>The account SID Mercato is configured with.</summary>
    public const string AccountSid = "AC0123456789abcdef0123456789abcdef";

    /// <summary>The auth token Mercato is configured with.</summary>
    public const string AuthToken = "fake-twilio-auth-token-5b1c7e";

    /// <summary>The sending number Mercato is configured with.</summary>
    public const string From = "+15005550006";

    /// <summary>Twilio's test number for "invalid To".</summary>
    public const string InvalidNumber = "+15005550001";

    private readonly ConcurrentQueue<FakeTwilioMessage> _accepted = new();
    private readonly ConcurrentDictionary<string, int> _requestsTo = new(StringComparer.Ordinal);
    private WebApplication? _app;
    private int _requests;

    /// <summary>Where the fake listens (Mercato's <c>Notifications:Sms:Twilio:ApiBase</c>).</summary>
    public string Url { get; private set; } = string.Empty;

    /// <summary>While not null, every call answers this status with Twilio's error JSON, as during an outage or throttling.</summary>
    public int? Outage { get; set; }

    /// <summary>The auth token the fake accepts (change it to play a rotated token).</summary>
    public string ExpectedAuthToken { get; set; } = AuthToken;

    /// <summary>The messages accepted, oldest first.</summary>
    public IReadOnlyList<FakeTwilioMessage> Accepted => [.. _accepted];

    /// <summary>Every request received, whatever the answer.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>The authenticated requests that asked for a message to <paramref name="to"/>, whatever the answer.</summary>
    public int RequestsTo(string to) => _requestsTo.GetValueOrDefault(to);

    /// <summary>Starts a fake on a free loopback port.</summary>
    public static async Task<FakeTwilio> StartAsync()
    {
        var fake = new FakeTwilio();
        (fake._app, fake.Url) = await LoopbackApp.StartAsync((app, _) => app.MapPost("/2010-04-01/Accounts/{sid}/Messages.json", (HttpRequest request, string sid) => fake.CreateAsync(request, sid)));
        return fake;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private async Task<IResult> CreateAsync(HttpRequest request, string sid)
    {
        Interlocked.Increment(ref _requests);
        if (Outage is { } status)
        {
            return Error(status, status == 429 ? 20429 : 20500, status == 429 ? "Too Many Requests" : "Service Unavailable");
        }

        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var auth) || auth.Scheme != "Basic"
            || Encoding.UTF8.GetString(Convert.FromBase64String(auth.Parameter ?? string.Empty)) != $"{AccountSid}:{ExpectedAuthToken}" || sid != AccountSid)
        {
            return Error(401, 20003, "Authenticate");
        }

        if (!request.HasFormContentType)
        {
            return Error(400, 20001, "Expected a form");
        }

        var form = await request.ReadFormAsync();
        string? Field(string name) => form.TryGetValue(name, out var value) ? value.ToString() : null;
        var to = Field("To");
        var body = Field("Body");
        _requestsTo.AddOrUpdate(to ?? string.Empty, 1, (_, n) => n + 1);
        if (to is null || to == InvalidNumber || !to.StartsWith('+'))
        {
            return Error(400, 21211, $"The 'To' number {to} is not a valid phone number.");
        }

        if (string.IsNullOrEmpty(body))
        {
            return Error(400, 21602, "Message body is required.");
        }

        if (Field("From") is null == Field("MessagingServiceSid") is null)
        {
            return Error(400, 21603, "A 'From' phone number or a 'MessagingServiceSid' is required.");
        }

        var message = new FakeTwilioMessage("SM" + Guid.NewGuid().ToString("N"), to, Field("From"), Field("MessagingServiceSid"), body);
        _accepted.Enqueue(message);
        var now = DateTime.UtcNow.ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);
        return Results.Json(
            new Dictionary<string, object?>
            {
                ["account_sid"] = AccountSid,
                ["api_version"] = "2010-04-01",
                ["body"] = body,
                ["date_created"] = now,
                ["date_sent"] = null,
                ["date_updated"] = now,
                ["direction"] = "outbound-api",
                ["error_code"] = null,
                ["error_message"] = null,
                ["from"] = message.From,
                ["messaging_service_sid"] = message.MessagingServiceSid,
                ["num_media"] = "0",
                ["num_segments"] = "1",
                ["price"] = null,
                ["price_unit"] = "USD",
                ["sid"] = message.Sid,
                ["status"] = "queued",
                ["subresource_uris"] = new Dictionary<string, string> { ["media"] = $"/2010-04-01/Accounts/{AccountSid}/Messages/{message.Sid}/Media.json" },
                ["to"] = to,
                ["uri"] = $"/2010-04-01/Accounts/{AccountSid}/Messages/{message.Sid}.json",
            },
            statusCode: 201);
    }

    private static IResult Error(int status, int code, string message) => Results.Json(
        new Dictionary<string, object?> { ["code"] = code, ["message"] = message, ["more_info"] = $"https://www.twilio.com/docs/errors/{code}", ["status"] = status },
        statusCode: status);
}
