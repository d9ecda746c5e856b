using System.Net;
using Mercato.Identity.Tests.Support;
using Mercato.Testing;

namespace Mercato.Identity.Tests.Users;

/// <summary><c>PUT /api/v1/users/{id}/roles</c> on one provider.</summary>
public abstract class UserRolesTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : IdentityFactory, new()
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Setting_Customer_and_Premium_answers_200_and_the_next_login_token_carries_both()
    {
        var email = IdentityApi.NewEmail("promoted");
        var id = await _client.RegisterAsync(email);
        var admin = await _client.LoginAsAdminAsync();

        using var response = await _client.SendAsync(
            HttpMethod.Put, $"/api/v1/users/{id}/roles", admin.AccessToken, new { roles = new[] { "Customer", "Premium" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.True(body.GetProperty("success").GetBoolean());
        Assert.Equal(id, body.GetProperty("data").GetProperty("id").GetGuid());
        Assert.Equal(["Customer", "Premium"], body.GetProperty("data").Strings("roles"));
        Assert.Equal(["Customer", "Premium"], (await _client.GetUserAsync(admin.AccessToken, id)).Strings("roles"));

        var session = await _client.LoginAsync(email);
        Assert.Equal(["Customer", "Premium"], IdentityApi.Claims(session.AccessToken).Strings("role").Order());
    }

    [Fact]
    public async Task The_change_is_published_as_UserRolesChanged_through_the_outbox()
    {
        var id = await _client.RegisterAsync(IdentityApi.NewEmail("published"));
        var admin = await _client.LoginAsAdminAsync();

        await _client.SetRolesAsync(admin.AccessToken, id, "Premium", "Customer");

        var changed = Assert.Single(await factory.Services.RolesChangedEventsAsync(id));
        Assert.Equal(["Customer", "Premium"], changed.Strings("roles"));
        Assert.Equal(admin.UserId, changed.GetProperty("changedBy").GetGuid());
        Assert.NotEqual(Guid.Empty, changed.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Role_names_are_accepted_in_any_case_and_answered_in_their_canonical_spelling()
    {
        var email = IdentityApi.NewEmail("anycase");
        var id = await _client.RegisterAsync(email);
        var admin = await _client.LoginAsAdminAsync();

        var user = await _client.SetRolesAsync(admin.AccessToken, id, "pREMIUM", "customer", "Premium");

        Assert.Equal(["Customer", "Premium"], user.Strings("roles"));
        Assert.Equal(["Customer", "Premium"], (await _client.GetUserAsync(admin.AccessToken, id)).Strings("roles"));
        Assert.Equal(["Customer", "Premium"], IdentityApi.Claims((await _client.LoginAsync(email)).AccessToken).Strings("role").Order());
    }

    [Fact]
    public async Task Premium_alone_replaces_Customer()
    {
        var email = IdentityApi.NewEmail("replaced");
        var id = await _client.RegisterAsync(email);
        var admin = await _client.LoginAsAdminAsync();

        var user = await _client.SetRolesAsync(admin.AccessToken, id, "Premium");

        Assert.Equal(["Premium"], user.Strings("roles"));
        Assert.Equal(["Premium"], IdentityApi.Claims((await _client.LoginAsync(email)).AccessToken).Strings("role"));
    }

    [Theory]
    [InlineData("""{"roles":[]}""", "roles", "REQUIRED_FIELD")]
    [InlineData("""{"roles":null}""", "roles", "REQUIRED_FIELD")]
    [InlineData("{}", "roles", "REQUIRED_FIELD")]
    [InlineData("""{"roles":["Customer","Owner"]}""", "roles[1]", "VALIDATION_ERROR")]
    [InlineData("""{"roles":[null]}""", "roles[0]", "VALIDATION_ERROR")]
    [InlineData("""{"roles":"Admin"}""", "roles", "INVALID_FORMAT")]
    [InlineData("{\"roles\":[\"Admin\"", "", "INVALID_FORMAT")]
    [InlineData(null, "", "REQUIRED_FIELD")]
    public async Task A_bad_body_answers_400_and_changes_nothing(string? json, string field, string code)
    {
        var id = await _client.RegisterAsync(IdentityApi.NewEmail("badbody"));
        var admin = await _client.LoginAsAdminAsync();

        using var response = await _client.SendRawAsync(HttpMethod.Put, $"/api/v1/users/{id}/roles", admin.AccessToken, json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.ReadErrorAsync();
        Assert.Equal([field], error.ErrorFields());
        Assert.Equal([code], error.ErrorCodes());
        Assert.Equal(["Customer"], (await _client.GetUserAsync(admin.AccessToken, id)).Strings("roles"));
        Assert.Empty(await factory.Services.RolesChangedEventsAsync(id));
    }

    [Theory]
    [InlineData("0199a000-0000-7000-8000-00000000abcd")]
    [InlineData("not-a-guid")]
    public async Task An_unknown_user_answers_404_NOT_FOUND(string id)
    {
        var admin = await _client.LoginAsAdminAsync();

        using var response = await _client.SendAsync(
            HttpMethod.Put, $"/api/v1/users/{id}/roles", admin.AccessToken, new { roles = new[] { "Customer" } });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(["NOT_FOUND"], (await response.ReadErrorAsync()).ErrorCodes());
    }

    [Fact]
    public async Task A_customer_gets_403_and_no_roles_change()
    {
        var email = IdentityApi.NewEmail("climber");
        var id = await _client.RegisterAsync(email);
        var customer = await _client.LoginAsync(email);
        var other = await _client.RegisterAsync(IdentityApi.NewEmail("bystander"));

        foreach (var target in new[] { id, other })
        {
            using var response = await _client.SendAsync(
                HttpMethod.Put, $"/api/v1/users/{target}/roles", customer.AccessToken, new { roles = new[] { "Customer", "Admin" } });
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal(["FORBIDDEN"], (await response.ReadErrorAsync()).ErrorCodes());
        }

        var admin = await _client.LoginAsAdminAsync();
        Assert.Equal(["Customer"], (await _client.GetUserAsync(admin.AccessToken, id)).Strings("roles"));
        Assert.Equal(["Customer"], (await _client.GetUserAsync(admin.AccessToken, other)).Strings("roles"));
        Assert.Equal(["Customer"], IdentityApi.Claims((await _client.LoginAsync(email)).AccessToken).Strings("role"));
        Assert.Empty(await factory.Services.RolesChangedEventsAsync(id));
    }

    [Fact]
    public async Task Anonymous_callers_get_401_and_no_roles_change()
    {
        var id = await _client.RegisterAsync(IdentityApi.NewEmail("anon-roles"));

        using var response = await _client.SendAsync(
            HttpMethod.Put, $"/api/v1/users/{id}/roles", token: null, new { roles = new[] { "Admin" } });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(["UNAUTHORIZED"], (await response.ReadErrorAsync()).ErrorCodes());
        var admin = await _client.LoginAsAdminAsync();
        Assert.Equal(["Customer"], (await _client.GetUserAsync(admin.AccessToken, id)).Strings("roles"));
    }

    [Fact]
    public async Task The_last_administrator_keeps_Admin_until_another_account_holds_it()
    {
        // Its own host: the shared fixture's count of administrators is not this test's to rely on.
        await using var own = new TFactory();
        var client = own.CreateClient();
        var admin = await client.LoginAsAdminAsync();

        using (var refused = await client.SendAsync(
            HttpMethod.Put, $"/api/v1/users/{admin.UserId}/roles", admin.AccessToken, new { roles = new[] { "Customer" } }))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            var error = await refused.ReadErrorAsync();
            Assert.Equal(["CONFLICT"], error.ErrorCodes());
            Assert.Equal(["roles"], error.ErrorFields());
        }

        Assert.Equal(["Admin", "Customer"], (await client.GetUserAsync(admin.AccessToken, admin.UserId)).Strings("roles"));
        Assert.Empty(await own.Services.RolesChangedEventsAsync(admin.UserId));

        var deputyEmail = IdentityApi.NewEmail("deputy");
        var deputy = await client.RegisterAsync(deputyEmail);
        await client.SetRolesAsync(admin.AccessToken, deputy, "Customer", "Admin");

        var demoted = await client.SetRolesAsync(admin.AccessToken, admin.UserId, "Customer");
        Assert.Equal(["Customer"], demoted.Strings("roles"));
        var again = await client.LoginAsAdminAsync();
        Assert.Equal(["Customer"], IdentityApi.Claims(again.AccessToken).Strings("role"));

        // Now the deputy is the last one.
        var deputySession = await client.LoginAsync(deputyEmail);
        using var last = await client.SendAsync(
            HttpMethod.Put, $"/api/v1/users/{deputy}/roles", deputySession.AccessToken, new { roles = new[] { "Premium" } });
        Assert.Equal(HttpStatusCode.Conflict, last.StatusCode);
        Assert.Equal(["CONFLICT"], (await last.ReadErrorAsync()).ErrorCodes());
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteUserRolesTests(IdentityFactory factory) : UserRolesTests<IdentityFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresUserRolesTests(PostgresIdentityFactory factory) : UserRolesTests<PostgresIdentityFactory>(factory);
