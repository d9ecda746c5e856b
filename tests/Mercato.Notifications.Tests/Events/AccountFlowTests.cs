using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Mercato.Notifications.Tests.Support;
using Mercato.Testing;

namespace Mercato.Notifications.Tests.Events;

/// <summary>
/// The account flows end to end inside one shop: Identity publishes the secret, Notifications
/// mails it, and the test reads it from the SMTP server as the customer would, then uses it.
/// </summary>
public abstract partial class AccountFlowTests<TFactory>(TFactory factory) : IClassFixture<TFactory>, IDisposable
    where TFactory : NotificationsFactory
{
    private const string NewPassword = "Fresh-Pass456";

    private readonly HttpClient _client = factory.CreateClient();
    private readonly MailServer _mail = new();

    [Fact]
    public async Task The_mailed_reset_link_sets_a_new_password_once_and_the_change_is_mailed()
    {
        var (_, email, _) = await _client.RegisterCustomerAsync("Grace", "Hopper");

        using (var forgot = await _client.PostJsonAsync("/api/v1/users/forgot-password", new { email }))
        {
            await forgot.ExpectAsync(HttpStatusCode.OK);
        }

        var mail = await _mail.WaitForSubjectAsync(email, "Reset your Test Shop password", poke: factory.Tick);
        var link = ResetLink().Match(mail.TextBody ?? string.Empty);
        Assert.True(link.Success, mail.TextBody);
        Assert.Contains(link.Value, (mail.HtmlBody ?? string.Empty).Replace("&amp;", "&", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("The link expires in 60 minutes", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("and works only once.", mail.TextBody, StringComparison.Ordinal);
        var body = new { uid = link.Groups["uid"].Value, token = link.Groups["token"].Value, newPassword = NewPassword, confirmPassword = NewPassword };

        using (var reset = await _client.PostJsonAsync("/api/v1/users/reset-password", body))
        {
            await reset.ExpectAsync(HttpStatusCode.OK);
        }

        using (var again = await _client.PostJsonAsync("/api/v1/users/reset-password", body with { newPassword = "Other-Pass789", confirmPassword = "Other-Pass789" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
            Assert.Equal(["INVALID_TOKEN"], (await again.ReadErrorAsync()).ErrorCodes());
        }

        Assert.False(string.IsNullOrEmpty(await _client.SignInAsync(email, NewPassword)));
        var changed = await _mail.WaitForSubjectAsync(email, "Your Test Shop password was changed", poke: factory.Tick);
        Assert.Contains("Grace", changed.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://shop.example/account/forgot-password", changed.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_mailed_verification_code_verifies_the_address_once()
    {
        var (_, email, token) = await _client.RegisterCustomerAsync("Grace", "Hopper");
        var code = await MailedCodeAsync(email);

        using (var verified = await _client.PostJsonAsync("/api/v1/users/verify-email", new { email, code }))
        {
            await verified.ExpectAsync(HttpStatusCode.OK);
        }

        using (var again = await _client.PostJsonAsync("/api/v1/users/verify-email", new { email, code }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        }

        var me = await MeAsync(token);
        Assert.True(me.GetProperty("emailVerified").GetBoolean());
    }

    [Fact]
    public async Task After_five_wrong_codes_the_sixth_try_is_refused_even_with_the_mailed_code()
    {
        var (_, email, token) = await _client.RegisterCustomerAsync("Grace", "Hopper");
        var code = await MailedCodeAsync(email);
        var wrongCode = ((int.Parse(code, CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);

        for (var i = 1; i <= 5; i++)
        {
            using var wrong = await _client.PostJsonAsync("/api/v1/users/verify-email", new { email, code = wrongCode });
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }

        using var sixth = await _client.PostJsonAsync("/api/v1/users/verify-email", new { email, code });
        Assert.Equal(HttpStatusCode.BadRequest, sixth.StatusCode);
        Assert.Equal(["code"], (await sixth.ReadErrorAsync()).ErrorFields());
        var me = await MeAsync(token);
        Assert.False(me.GetProperty("emailVerified").GetBoolean());
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _mail.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>The signed-in user as <c>GET /api/v1/auth/me</c> answers.</summary>
    private async Task<System.Text.Json.JsonElement> MeAsync(string token)
    {
        using var response = await _client.CallAsync(HttpMethod.Get, "/api/v1/auth/me", token);
        await response.ExpectAsync(HttpStatusCode.OK);
        return (await response.ReadJsonAsync()).GetProperty("data");
    }

    /// <summary>Asks for a verification mail to <paramref name="email"/> and answers the 6-digit code it carries.</summary>
    private async Task<string> MailedCodeAsync(string email)
    {
        using (var resend = await _client.PostJsonAsync("/api/v1/users/resend-verification", new { email }))
        {
            await resend.ExpectAsync(HttpStatusCode.OK);
        }

        var mail = await _mail.WaitForSubjectAsync(email, "Verify your e-mail address for Test Shop", poke: factory.Tick);
        var code = SixDigits().Match(mail.TextBody ?? string.Empty);
        Assert.True(code.Success, mail.TextBody);
        Assert.Contains(code.Groups[1].Value, mail.HtmlBody, StringComparison.Ordinal);
        return code.Groups[1].Value;
    }

    [GeneratedRegex(@"https://shop\.example/account/reset-password\?uid=(?<uid>[^&\s]+)&token=(?<token>[A-Za-z0-9_-]{43})")]
    private static partial Regex ResetLink();

    [GeneratedRegex(@"^\s+(\d{6})\s*$", RegexOptions.Multiline)]
    private static partial Regex SixDigits();
}

/// <summary>On SQLite.</summary>
public sealed class SqliteAccountFlowTests(NotificationsFactory factory) : AccountFlowTests<NotificationsFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresAccountFlowTests(PostgresNotificationsFactory factory) : AccountFlowTests<PostgresNotificationsFactory>(factory);
