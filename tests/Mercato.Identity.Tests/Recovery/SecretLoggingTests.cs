using System.Net;
using System.Text.RegularExpressions;
using Mercato.Identity.Tests.Support;
using Mercato.Testing;
using static Mercato.Identity.Tests.Support.AccountMail;

namespace Mercato.Identity.Tests.Recovery;

/// <summary>Reset tokens and one-time codes never reach the logs (every level, every category), on one provider.</summary>
public abstract class SecretLoggingTests<TFactory>
    where TFactory : IdentityFactory, new()
{
    [Fact]
    public async Task No_token_or_code_of_the_reset_and_verification_flows_is_logged()
    {
        await using var host = new TFactory();
        using var client = host.CreateClient();
        var email = IdentityApi.NewEmail("quiet");
        var userId = await client.RegisterAsync(email);
        var verification = await host.VerificationMailAsync(userId);
        var secrets = new List<string> { verification.GetProperty("token").GetString()!, verification.GetProperty("code").GetString()! };

        secrets.Add(await host.ForgotAsync(client, userId, email));
        using (var reset = await client.PostFromAsync("/api/v1/users/reset-password", new { email, token = secrets[^1], newPassword = NewPassword, confirmPassword = NewPassword }))
        {
            Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        }

        // A reset code too, once the resend interval of the reset link has passed (no bearer token is used after this step).
        host.Clock.Advance(TimeSpan.FromSeconds(61));
        secrets.Add(await host.RequestCodeAsync(client, userId, email, "password_reset"));
        using (var wrong = await client.PostFromAsync("/api/v1/users/verify-code", new { email, code = secrets[^1] == "000000" ? "000001" : "000000", purpose = "password_reset", password = "Other-Pass789" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }

        using (var byCode = await client.PostFromAsync("/api/v1/users/verify-code", new { email, code = secrets[^1], purpose = "password_reset", password = "Other-Pass789" }))
        {
            Assert.Equal(HttpStatusCode.OK, byCode.StatusCode);
        }

        using (var verified = await client.PostFromAsync("/api/v1/users/verify-email", new { token = secrets[0] }))
        {
            Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        }

        var entries = host.Logs.Entries;
        Assert.NotEmpty(entries);
        foreach (var secret in secrets)
        {
            // A code as a number of its own (not a run of digits inside an id or a timestamp).
            var pattern = new Regex($"(?<![0-9A-Za-z_-]){Regex.Escape(secret)}(?![0-9A-Za-z_-])");
            Assert.DoesNotContain(entries, e => pattern.IsMatch(e.Message) || (e.Exception is { } ex && pattern.IsMatch(ex.ToString())));
        }
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteSecretLoggingTests : SecretLoggingTests<IdentityFactory>;

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresSecretLoggingTests : SecretLoggingTests<PostgresIdentityFactory>;
