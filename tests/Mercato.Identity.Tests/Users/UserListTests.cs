using System.Net;
using System.Text.Json;
using Mercato.Identity.Tests.Support;
using Mercato.Testing;

namespace Mercato.Identity.Tests.Users;

/// <summary>
/// <c>GET /api/v1/users</c> on one provider. The fixture's database is shared by the tests, so
/// each test finds its own accounts through a search word only they carry.
/// </summary>
public abstract class UserListTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : IdentityFactory
{
    private static readonly string[] PageProperties =
        ["items", "pageNumber", "pageSize", "totalPages", "totalCount", "hasPreviousPage", "hasNextPage"];

    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Pages_are_seed_004s_pagination_object_and_a_page_past_the_end_is_empty()
    {
        var tag = AdminUsersApi.NewTag("page");
        var registered = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            registered.Add(await _client.RegisterAsync(IdentityApi.NewEmail(tag)));
        }

        var admin = await _client.LoginAsAdminAsync();

        var first = await _client.ListUsersAsync(admin.AccessToken, $"search={tag}&pageSize=2");
        Assert.Equal(PageProperties.Order(), first.EnumerateObject().Select(p => p.Name).Order());
        AssertPage(first, pageNumber: 1, pageSize: 2, totalPages: 2, totalCount: 3, hasPrevious: false, hasNext: true, items: 2);

        var second = await _client.ListUsersAsync(admin.AccessToken, $"search={tag}&pageSize=2&pageNumber=2");
        AssertPage(second, pageNumber: 2, pageSize: 2, totalPages: 2, totalCount: 3, hasPrevious: true, hasNext: false, items: 1);
        var listed = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray())
            .Select(u => u.GetProperty("id").GetGuid());
        Assert.Equal(registered.Order(), listed.Order());

        var past = await _client.ListUsersAsync(admin.AccessToken, $"search={tag}&pageSize=2&pageNumber=3");
        AssertPage(past, pageNumber: 3, pageSize: 2, totalPages: 2, totalCount: 3, hasPrevious: true, hasNext: false, items: 0);
    }

    [Fact]
    public async Task The_default_page_is_the_first_with_20_users()
    {
        var tag = AdminUsersApi.NewTag("dflt");
        for (var i = 0; i < 21; i++)
        {
            await _client.RegisterAsync(IdentityApi.NewEmail(tag));
        }

        var admin = await _client.LoginAsAdminAsync();
        var page = await _client.ListUsersAsync(admin.AccessToken, $"search={tag}");

        AssertPage(page, pageNumber: 1, pageSize: 20, totalPages: 2, totalCount: 21, hasPrevious: false, hasNext: true, items: 20);
    }

    [Fact]
    public async Task Every_item_shows_the_users_roles_and_no_secrets()
    {
        var tag = AdminUsersApi.NewTag("item");
        var email = IdentityApi.NewEmail(tag);
        var id = await _client.RegisterPersonAsync(email, "Grace", "Hopper", username: tag);
        var admin = await _client.LoginAsAdminAsync();

        var user = Assert.Single((await _client.ListUsersAsync(admin.AccessToken, $"search={tag}")).GetProperty("items").EnumerateArray());

        Assert.Equal(id, user.GetProperty("id").GetGuid());
        Assert.Equal(email, user.GetProperty("email").GetString());
        Assert.Equal(tag, user.GetProperty("username").GetString());
        Assert.Equal("Grace", user.GetProperty("firstName").GetString());
        Assert.Equal("Hopper", user.GetProperty("lastName").GetString());
        Assert.Equal(["Customer"], user.Strings("roles"));
        Assert.EndsWith("Z", user.GetProperty("createdAt").GetString(), StringComparison.Ordinal);
        var text = user.GetRawText();
        Assert.DoesNotContain("passwordHash", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("securityStamp", text, StringComparison.OrdinalIgnoreCase);

        var admins = await _client.ListUsersAsync(admin.AccessToken, $"search={IdentityFactory.AdminEmail}");
        var seeded = Assert.Single(admins.GetProperty("items").EnumerateArray());
        Assert.Equal(["Admin", "Customer"], seeded.Strings("roles"));
    }

    [Fact]
    public async Task Search_finds_an_e_mail_fragment_a_first_or_last_name_or_a_username_in_any_case()
    {
        var emailTag = AdminUsersApi.NewTag("mail");
        var firstTag = AdminUsersApi.NewTag("First");
        var lastTag = AdminUsersApi.NewTag("Last");
        var userTag = AdminUsersApi.NewTag("Nick");
        var id = await _client.RegisterPersonAsync($"Someone.{emailTag}@Example.com", firstTag, lastTag, userTag);
        // A neighbour that shares none of the words must not be found.
        await _client.RegisterPersonAsync(IdentityApi.NewEmail("neighbour"), "Alan", "Turing");
        var admin = await _client.LoginAsAdminAsync();

        foreach (var term in new[]
        {
            emailTag.ToUpperInvariant(),
            $"someone.{emailTag}@example",
            firstTag.ToLowerInvariant(),
            lastTag.ToUpperInvariant(),
            userTag.ToLowerInvariant(),
            userTag[1..],
        })
        {
            var page = await _client.ListUsersAsync(admin.AccessToken, "search=" + Uri.EscapeDataString(term));
            var found = Assert.Single(page.GetProperty("items").EnumerateArray());
            Assert.Equal(id, found.GetProperty("id").GetGuid());
            Assert.Equal(1, page.GetProperty("totalCount").GetInt64());
        }
    }

    [Fact]
    public async Task Search_finds_nothing_for_an_unknown_word_and_treats_wildcards_literally()
    {
        var admin = await _client.LoginAsAdminAsync();

        foreach (var term in new[] { AdminUsersApi.NewTag("nobody"), "%", "_", "*" })
        {
            var page = await _client.ListUsersAsync(admin.AccessToken, "search=" + Uri.EscapeDataString(term));
            AssertPage(page, pageNumber: 1, pageSize: 20, totalPages: 0, totalCount: 0, hasPrevious: false, hasNext: false, items: 0);
        }
    }

    [Fact]
    public async Task The_role_filter_keeps_only_holders_of_that_role()
    {
        var tag = AdminUsersApi.NewTag("role");
        var customer = await _client.RegisterAsync(IdentityApi.NewEmail(tag));
        var premium = await _client.RegisterAsync(IdentityApi.NewEmail(tag));
        var admin = await _client.LoginAsAdminAsync();
        await _client.SetRolesAsync(admin.AccessToken, premium, "Customer", "Premium");

        Assert.Equal([premium], Ids(await _client.ListUsersAsync(admin.AccessToken, $"search={tag}&role=Premium")));
        Assert.Equal([premium], Ids(await _client.ListUsersAsync(admin.AccessToken, $"search={tag}&role=pREMIUM")));
        Assert.Equal(new[] { customer, premium }.Order(), Ids(await _client.ListUsersAsync(admin.AccessToken, $"search={tag}&role=Customer")).Order());
        Assert.Empty(Ids(await _client.ListUsersAsync(admin.AccessToken, $"search={tag}&role=Admin")));

        var admins = await _client.ListUsersAsync(admin.AccessToken, "role=Admin&pageSize=100");
        Assert.Contains(admin.UserId, Ids(admins));
        Assert.All(admins.GetProperty("items").EnumerateArray(), u => Assert.Contains("Admin", u.Strings("roles")));
        Assert.DoesNotContain(premium, Ids(admins));
    }

    [Theory]
    [InlineData("pageSize=0", "pageSize", "VALIDATION_ERROR")]
    [InlineData("pageSize=101", "pageSize", "VALIDATION_ERROR")]
    [InlineData("pageNumber=0", "pageNumber", "VALIDATION_ERROR")]
    [InlineData("pageNumber=-3", "pageNumber", "VALIDATION_ERROR")]
    [InlineData("role=Owner", "role", "VALIDATION_ERROR")]
    [InlineData("search={101 letters}", "search", "VALIDATION_ERROR")]
    [InlineData("pageSize=ten", "pageSize", "INVALID_FORMAT")]
    [InlineData("pageNumber=1.5", "pageNumber", "INVALID_FORMAT")]
    public async Task A_bad_query_answers_400_naming_the_field(string query, string field, string code)
    {
        var admin = await _client.LoginAsAdminAsync();

        query = query.Replace("{101 letters}", new string('x', 101), StringComparison.Ordinal);

        using var response = await _client.SendAsync(HttpMethod.Get, "/api/v1/users?" + query, admin.AccessToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.ReadErrorAsync();
        Assert.Equal([field], error.ErrorFields());
        Assert.Equal([code], error.ErrorCodes());
    }

    [Fact]
    public async Task Anonymous_callers_get_401()
    {
        using var response = await _client.GetAsync(new Uri("/api/v1/users", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(["UNAUTHORIZED"], (await response.ReadErrorAsync()).ErrorCodes());
    }

    [Fact]
    public async Task Customers_and_premium_users_get_403()
    {
        var customer = await _client.SignUpAsync("lister");
        var premiumEmail = IdentityApi.NewEmail("lister");
        var premiumId = await _client.RegisterAsync(premiumEmail);
        var admin = await _client.LoginAsAdminAsync();
        await _client.SetRolesAsync(admin.AccessToken, premiumId, "Customer", "Premium");
        var premium = await _client.LoginAsync(premiumEmail);

        foreach (var token in new[] { customer.AccessToken, premium.AccessToken })
        {
            using var response = await _client.SendAsync(HttpMethod.Get, "/api/v1/users", token);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal(["FORBIDDEN"], (await response.ReadErrorAsync()).ErrorCodes());
        }
    }

    private static Guid[] Ids(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("id").GetGuid())];

    private static void AssertPage(
        JsonElement page, int pageNumber, int pageSize, int totalPages, long totalCount, bool hasPrevious, bool hasNext, int items)
    {
        Assert.Equal(pageNumber, page.GetProperty("pageNumber").GetInt32());
        Assert.Equal(pageSize, page.GetProperty("pageSize").GetInt32());
        Assert.Equal(totalPages, page.GetProperty("totalPages").GetInt32());
        Assert.Equal(totalCount, page.GetProperty("totalCount").GetInt64());
        Assert.Equal(hasPrevious, page.GetProperty("hasPreviousPage").GetBoolean());
        Assert.Equal(hasNext, page.GetProperty("hasNextPage").GetBoolean());
        Assert.Equal(items, page.GetProperty("items").GetArrayLength());
        Assert.All(page.GetProperty("items").EnumerateArray(), u => Assert.NotEmpty(u.Strings("roles")));
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteUserListTests(IdentityFactory factory) : UserListTests<IdentityFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresUserListTests(PostgresIdentityFactory factory) : UserListTests<PostgresIdentityFactory>(factory);
