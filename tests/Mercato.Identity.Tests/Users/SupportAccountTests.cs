using System.Net;
using Mercato.Identity.Tests.Support;
using Mercato.Testing;

namespace Mercato.Identity.Tests.Users;

/// <summary>A Support-only account reads itself (<c>/auth/me</c>, which the dashboard's sign-in needs) and no other account.</summary>
public sealed class SupportAccountTests(IdentityFactory factory) : IClassFixture<IdentityFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_support_agent_reads_their_own_account_but_not_the_users_list()
    {
        var email = IdentityApi.NewEmail("agent");
        var id = await _client.RegisterAsync(email);
        var admin = await _client.LoginAsAdminAsync();
        await _client.SetRolesAsync(admin.AccessToken, id, "Support");
        var agent = await _client.LoginAsync(email);

        using var me = await _client.SendAsync(HttpMethod.Get, "/api/v1/auth/me", agent.AccessToken);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(["Support"], (await me.ReadJsonAsync()).GetProperty("data").Strings("roles"));
        using var users = await _client.SendAsync(HttpMethod.Get, "/api/v1/users", agent.AccessToken);
        Assert.Equal(HttpStatusCode.Forbidden, users.StatusCode);
    }
}
