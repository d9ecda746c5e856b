using System.Net;
using System.Text.Json;
using Mercato.Identity.Contracts;
using Mercato.Messaging.Events;
using Mercato.Testing;

namespace Mercato.Identity.Tests.Support;

/// <summary>
/// The account-recovery calls from a source address of their own (the test server takes it from
/// <c>X-Forwarded-For</c>), and the secrets as a mail would carry them: read from the events in
/// Identity's outbox.
/// </summary>
public static class AccountMail
{
    /// <summary>A new password that satisfies the default policy.</summary>
    public const string NewPassword = "Fresh-Pass456";

    /// <summary>Posts <paramref name="body"/> to <paramref name="url"/> from <paramref name="address"/> (default: a fresh one), with an optional bearer token.</summary>
    public static Task<HttpResponseMessage> PostFromAsync(this HttpClient client, string url, object body, string? address = null, string? token = null)
        => client.CallAsync(HttpMethod.Post, url, token, body, new Dictionary<string, string> { ["X-Forwarded-For"] = address ?? ThrottledLogins.NewAddress() });

    /// <summary>The payloads of <typeparamref name="TEvent"/> in Identity's outbox about <paramref name="userId"/>, oldest first.</summary>
    public static async Task<List<JsonElement>> EventsAsync<TEvent>(this IdentityFactory factory, Guid userId)
        where TEvent : IntegrationEvent
    {
        var rows = await factory.OutboxRowsAsync(IntegrationEvent.NameOf(typeof(TEvent)));
        return [.. rows.OrderBy(r => r.OccurredAt).ThenBy(r => r.Id)
            .Select(r => JsonDocument.Parse(r.Payload).RootElement.Clone())
            .Where(p => p.GetProperty("userId").GetGuid() == userId)];
    }

    /// <summary>The latest <see cref="PasswordResetRequested"/> about <paramref name="userId"/>.</summary>
    public static async Task<JsonElement> ResetMailAsync(this IdentityFactory factory, Guid userId)
        => (await factory.EventsAsync<PasswordResetRequested>(userId)).Last();

    /// <summary>The latest <see cref="EmailVerificationRequested"/> about <paramref name="userId"/>.</summary>
    public static async Task<JsonElement> VerificationMailAsync(this IdentityFactory factory, Guid userId)
        => (await factory.EventsAsync<EmailVerificationRequested>(userId)).Last();

    /// <summary>Asks for a reset link for <paramref name="email"/> (asserting 200) and returns the mailed token.</summary>
    public static async Task<string> ForgotAsync(this IdentityFactory factory, HttpClient client, Guid userId, string email)
    {
        using var response = await client.PostFromAsync("/api/v1/users/forgot-password", new { email });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await factory.ResetMailAsync(userId)).GetProperty("token").GetString()!;
    }

    /// <summary>Asks for a code of <paramref name="purpose"/> for <paramref name="email"/> (asserting 200) and returns the mailed code.</summary>
    public static async Task<string> RequestCodeAsync(this IdentityFactory factory, HttpClient client, Guid userId, string email, string purpose)
    {
        using var response = await client.PostFromAsync("/api/v1/users/request-code", new { email, purpose });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var mail = purpose == "password_reset" ? await factory.ResetMailAsync(userId) : await factory.VerificationMailAsync(userId);
        return mail.GetProperty("code").GetString()!;
    }

    /// <summary>Whether <paramref name="password"/> signs <paramref name="email"/> in (from a fresh address).</summary>
    public static async Task<bool> SignsInAsync(this HttpClient client, string email, string password)
    {
        using var response = await client.LoginFromAsync(ThrottledLogins.NewAddress(), email, password);
        return response.StatusCode == HttpStatusCode.OK;
    }

    /// <summary>Asserts a 400 whose single error has <paramref name="code"/> and names <paramref name="field"/>.</summary>
    public static async Task AssertRefusedAsync(this HttpResponseMessage response, string code, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.ReadErrorAsync();
        Assert.Equal([code], error.ErrorCodes());
        Assert.Equal([field], error.ErrorFields());
    }
}
