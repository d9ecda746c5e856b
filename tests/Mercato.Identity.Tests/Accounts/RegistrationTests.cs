using System.Net;
using System.Text.Json;
using Mercato.Identity.Contracts;
using Mercato.Identity.Tests.Support;
using Mercato.Messaging.Outbox;
using Mercato.Platform.Auth;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Identity.Tests.Accounts;

/// <summary><c>POST /api/v1/auth/register</c> on one provider.</summary>
public abstract class RegistrationTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : IdentityFactory, new()
{
    private const string RegisterUrl = "/api/v1/auth/register";
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Registering_answers_201_in_seed_004s_shape_and_the_account_can_sign_in()
    {
        var email = IdentityApi.NewEmail();
        using var response = await _client.PostJsonAsync(RegisterUrl, new
        {
            email,
            password = IdentityApi.Password,
            firstName = "John",
            lastName = "Doe",
            phoneNumber = "+1234567890",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.True(body.GetProperty("success").GetBoolean());
        var data = body.GetProperty("data");
        var userId = data.GetProperty("userId").GetGuid();
        Assert.Equal(email, data.GetProperty("email").GetString());
        Assert.True(data.GetProperty("emailVerificationRequired").GetBoolean());
        Assert.Equal("Registration successful. Please verify your email.", body.GetProperty("message").GetString());
        Assert.Equal($"/api/v1/users/{userId}", response.Headers.Location?.OriginalString);

        var session = await _client.LoginAsync(email);
        Assert.Equal(userId, session.UserId);
    }

    [Fact]
    public async Task An_optional_username_is_returned_and_signs_in_in_any_case()
    {
        var email = IdentityApi.NewEmail();
        var username = UniqueUsername("Ada");
        using var response = await _client.PostJsonAsync(RegisterUrl, new { email, password = IdentityApi.Password, username });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var data = (await response.ReadJsonAsync()).GetProperty("data");
        Assert.Equal(username, data.GetProperty("username").GetString());
        var userId = data.GetProperty("userId").GetGuid();

        foreach (var spelling in new[] { username, username.ToUpperInvariant() })
        {
            using var login = await _client.PostLoginAsync(new { username = spelling, password = IdentityApi.Password });
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
            var user = (await login.ReadJsonAsync()).GetProperty("data").GetProperty("user");
            Assert.Equal(userId, user.GetProperty("id").GetGuid());
            Assert.Equal(username, user.GetProperty("username").GetString());
        }
    }

    [Fact]
    public async Task A_matching_confirmPassword_is_accepted()
    {
        var email = IdentityApi.NewEmail("confirm");
        using var response = await _client.PostJsonAsync(RegisterUrl, new { email, password = IdentityApi.Password, confirmPassword = IdentityApi.Password });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await _client.LoginAsync(email);
    }

    [Fact]
    public async Task Without_a_username_the_answer_has_none()
    {
        using var response = await _client.PostJsonAsync(RegisterUrl, new { email = IdentityApi.NewEmail(), password = IdentityApi.Password });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var data = (await response.ReadJsonAsync()).GetProperty("data");
        Assert.Equal(JsonValueKind.Null, data.GetProperty("username").ValueKind);
    }

    [Theory]
    [MemberData(nameof(RegistrationBadBodies.All), MemberType = typeof(RegistrationBadBodies))]
    public async Task A_bad_body_answers_400_naming_the_field_and_creates_nothing(string template, string field, string code)
    {
        var email = IdentityApi.NewEmail("bad");
        var before = await CountsAsync();

        using var response = await _client.PostRawJsonAsync(RegisterUrl, template.Replace("{email}", email, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.ReadErrorAsync();
        Assert.Contains((field, code), error.ErrorFields().Zip(error.ErrorCodes()));
        Assert.Equal(before, await CountsAsync());
        Assert.Empty(await factory.UsersWithEmailAsync(email));
    }

    [Theory]
    [InlineData("""{"email":"user@example.com","password":""")]
    [InlineData("""{"email" "user@example.com"}""")]
    [InlineData("not json at all")]
    [InlineData("")]
    public async Task A_body_that_is_not_json_answers_400_and_creates_nothing(string body)
    {
        var before = await CountsAsync();

        using var response = await _client.PostRawJsonAsync(RegisterUrl, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var code = Assert.Single((await response.ReadErrorAsync()).ErrorCodes());
        Assert.Equal(body.Length == 0 ? "REQUIRED_FIELD" : "INVALID_FORMAT", code);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task The_password_policy_is_configurable()
    {
        await using var strict = new TFactory();
        strict.Settings["Identity:Password:MinimumLength"] = "12";
        using var client = strict.CreateClient();

        using var tenChars = await client.PostJsonAsync(RegisterUrl, new { email = IdentityApi.NewEmail(), password = "Abcdef-123" });
        Assert.Equal(HttpStatusCode.BadRequest, tenChars.StatusCode);
        var error = await tenChars.ReadErrorAsync();
        Assert.Equal(["password"], error.ErrorFields());
        Assert.Contains("12", error.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);

        using var twelveChars = await client.PostJsonAsync(RegisterUrl, new { email = IdentityApi.NewEmail(), password = "Abcdef-12345" });
        Assert.Equal(HttpStatusCode.Created, twelveChars.StatusCode);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_taken_email_in_any_case_answers_409_on_email_and_creates_nothing(bool otherCase)
    {
        var email = IdentityApi.NewEmail("taken");
        var firstId = await _client.RegisterAsync(email);
        var before = await CountsAsync();

        using var response = await _client.PostJsonAsync(RegisterUrl, new
        {
            email = otherCase ? email.ToUpperInvariant() : email,
            password = "Other-Pass456",
        });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var error = await response.ReadErrorAsync();
        Assert.Equal(["ALREADY_EXISTS"], error.ErrorCodes());
        Assert.Equal(["email"], error.ErrorFields());
        Assert.Equal(before, await CountsAsync());
        Assert.Equal(firstId, Assert.Single(await factory.UsersWithEmailAsync(email)).Id);
        // The first account keeps its password.
        await _client.LoginAsync(email);
    }

    [Fact]
    public async Task A_taken_username_in_any_case_answers_409_on_username_and_creates_nothing()
    {
        var username = UniqueUsername("Grace");
        await _client.RegisterAsync(IdentityApi.NewEmail(), username: username);
        var before = await CountsAsync();
        var secondEmail = IdentityApi.NewEmail();

        using var response = await _client.PostJsonAsync(RegisterUrl, new
        {
            email = secondEmail,
            password = IdentityApi.Password,
            username = username.ToLowerInvariant(),
        });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var error = await response.ReadErrorAsync();
        Assert.Equal(["ALREADY_EXISTS"], error.ErrorCodes());
        Assert.Equal(["username"], error.ErrorFields());
        Assert.Equal(before, await CountsAsync());
        Assert.Empty(await factory.UsersWithEmailAsync(secondEmail));
    }

    [Fact]
    public async Task Twenty_parallel_registrations_of_one_email_create_exactly_one_account()
    {
        var email = IdentityApi.NewEmail("race");

        using var batch = await ResponseBatch.SendAsync(20, i =>
            _client.PostJsonAsync(RegisterUrl, new { email = i % 2 == 0 ? email : email.ToUpperInvariant(), password = IdentityApi.Password }));

        Assert.Single(batch.Responses, r => r.StatusCode == HttpStatusCode.Created);
        var refused = batch.Responses.Where(r => r.StatusCode != HttpStatusCode.Created).ToList();
        Assert.Equal(19, refused.Count);
        foreach (var response in refused)
        {
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            var error = await response.ReadErrorAsync();
            Assert.Equal(["ALREADY_EXISTS"], error.ErrorCodes());
            Assert.Equal(["email"], error.ErrorFields());
        }

        var user = Assert.Single(await factory.UsersWithEmailAsync(email));
        Assert.Single(await UserRegisteredRowsForAsync(user.Id));
        await _client.LoginAsync(email);
    }

    [Fact]
    public async Task Ten_parallel_registrations_of_one_username_create_exactly_one_account()
    {
        var username = UniqueUsername("Race");
        var emails = Enumerable.Range(0, 10).Select(_ => IdentityApi.NewEmail("samename")).ToList();

        using var batch = await ResponseBatch.SendAsync(10, i =>
            _client.PostJsonAsync(RegisterUrl, new { email = emails[i], password = IdentityApi.Password, username = i % 2 == 0 ? username : username.ToUpperInvariant() }));

        Assert.Single(batch.Responses, r => r.StatusCode == HttpStatusCode.Created);
        foreach (var response in batch.Responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            var error = await response.ReadErrorAsync();
            Assert.Equal(["ALREADY_EXISTS"], error.ErrorCodes());
            Assert.Equal(["username"], error.ErrorFields());
        }

        var created = new List<Guid>();
        foreach (var email in emails)
        {
            created.AddRange((await factory.UsersWithEmailAsync(email)).Select(u => u.Id));
        }

        var userId = Assert.Single(created);
        Assert.Single(await UserRegisteredRowsForAsync(userId));
    }

    [Fact]
    public async Task Privileged_fields_in_the_body_are_ignored()
    {
        var email = IdentityApi.NewEmail("greedy");
        var chosenId = Guid.NewGuid();
        using var response = await _client.PostJsonAsync(RegisterUrl, new
        {
            email,
            password = IdentityApi.Password,
            id = chosenId,
            userId = chosenId,
            roles = new[] { "Admin" },
            role = "Admin",
            emailConfirmed = true,
            emailVerified = true,
            phoneNumberConfirmed = true,
            lockoutEnabled = false,
            lockoutEnd = "2099-01-01T00:00:00Z",
            accessFailedCount = 3,
            twoFactorEnabled = true,
            passwordHash = "AQAAAAIAAYagAAAAEChosenHash",
            securityStamp = "chosen-stamp",
            normalizedEmail = "SOMEONE@ELSE.COM",
            hasUsername = true,
            createdAt = "2000-01-01T00:00:00Z",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var userId = (await response.ReadJsonAsync()).GetProperty("data").GetProperty("userId").GetGuid();
        Assert.NotEqual(chosenId, userId);

        var user = await factory.UserAsync(userId);
        Assert.False(user.EmailConfirmed);
        Assert.False(user.PhoneNumberConfirmed);
        Assert.False(user.TwoFactorEnabled);
        Assert.True(user.LockoutEnabled);
        Assert.Null(user.LockoutEnd);
        Assert.Equal(0, user.AccessFailedCount);
        Assert.Equal(email.ToUpperInvariant(), user.NormalizedEmail);
        Assert.NotEqual("chosen-stamp", user.SecurityStamp);
        Assert.False(user.HasUsername);
        Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime, user.CreatedAt, TimeSpan.FromMilliseconds(1));
        Assert.Equal([MercatoRoles.Customer], await RolesOfAsync(userId));

        var session = await _client.LoginAsync(email);
        Assert.Equal([MercatoRoles.Customer], IdentityApi.Claims(session.AccessToken).GetProperty("role").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Registering_writes_UserRegistered_to_the_outbox_with_the_account()
    {
        var email = IdentityApi.NewEmail("event");
        var username = UniqueUsername("Evt");
        var userId = await _client.RegisterAsync(email, username: username);

        var row = Assert.Single(await UserRegisteredRowsForAsync(userId));
        Assert.Equal(IdentityModule.Name, row.Source);
        using var payload = JsonDocument.Parse(row.Payload);
        var root = payload.RootElement;
        Assert.Equal(userId, root.GetProperty("userId").GetGuid());
        Assert.Equal(email, root.GetProperty("email").GetString());
        Assert.Equal(username, root.GetProperty("username").GetString());
        Assert.Equal("Ada", root.GetProperty("firstName").GetString());
        Assert.Equal("Lovelace", root.GetProperty("lastName").GetString());
        Assert.True(root.GetProperty("emailVerificationRequired").GetBoolean());
        Assert.Equal(row.Id, root.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task When_the_event_cannot_be_written_no_account_is_created()
    {
        // A trigger in the real database refuses this one registration's outbox row: the account
        // must not survive without its event (same transaction), and the failure is not a conflict.
        var marker = Guid.NewGuid().ToString("N");
        var email = $"outbox.{marker}@example.com";
        var trigger = "refuse_event_" + marker[..12];
        var postgres = factory.PostgresPrefix is not null;
        await factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(postgres
            ? $"""
              CREATE FUNCTION {trigger}() RETURNS trigger AS $body$
              BEGIN
                IF NEW."Payload" LIKE '%{marker}%' THEN RAISE EXCEPTION 'outbox write refused by the test'; END IF;
                RETURN NEW;
              END $body$ LANGUAGE plpgsql;
              CREATE TRIGGER {trigger} BEFORE INSERT ON outbox_messages FOR EACH ROW EXECUTE FUNCTION {trigger}();
              """
            : $"""
              CREATE TRIGGER {trigger} BEFORE INSERT ON outbox_messages WHEN NEW.Payload LIKE '%{marker}%'
              BEGIN SELECT RAISE(ABORT, 'outbox write refused by the test'); END;
              """));
        try
        {
            var before = await CountsAsync();

            using var response = await _client.PostJsonAsync(RegisterUrl, new { email, password = IdentityApi.Password });

            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            Assert.Equal(["INTERNAL_ERROR"], (await response.ReadErrorAsync()).ErrorCodes());
            Assert.Empty(await factory.UsersWithEmailAsync(email));
            Assert.Equal(before, await CountsAsync());
        }
        finally
        {
            await factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(postgres
                ? $"DROP TRIGGER {trigger} ON outbox_messages; DROP FUNCTION {trigger}();"
                : $"DROP TRIGGER {trigger};"));
        }

        // The same address registers once the database accepts the event.
        await _client.RegisterAsync(email);
    }

    private static string UniqueUsername(string prefix) => $"{prefix}_{Guid.NewGuid():N}"[..24];

    private async Task<List<OutboxMessage>> UserRegisteredRowsForAsync(Guid userId)
    {
        var rows = await factory.OutboxRowsAsync("identity.user-registered.v1");
        return [.. rows.Where(r => PayloadUserId(r) == userId)];
    }

    private static Guid PayloadUserId(OutboxMessage row)
    {
        using var payload = JsonDocument.Parse(row.Payload);
        return payload.RootElement.GetProperty("userId").GetGuid();
    }

    private Task<List<string>> RolesOfAsync(Guid userId)
        => factory.WithDbAsync(db => (
            from link in db.UserRoles
            join role in db.Roles on link.RoleId equals role.Id
            where link.UserId == userId
            select role.Name!).ToListAsync());

    /// <summary>How many accounts and UserRegistered outbox rows exist (tests in one class run one at a time).</summary>
    private async Task<(int Users, int Events)> CountsAsync()
        => (await factory.UserCountAsync(), (await factory.OutboxRowsAsync("identity.user-registered.v1")).Count);
}

/// <summary>On SQLite.</summary>
public sealed class SqliteRegistrationTests(IdentityFactory factory) : RegistrationTests<IdentityFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresRegistrationTests(PostgresIdentityFactory factory) : RegistrationTests<PostgresIdentityFactory>(factory);
