using System.Net;
using System.Text.Json;
using Mercato.Identity.Tests.Support;
using Mercato.Testing;

namespace Mercato.Identity.Tests.Addresses;

/// <summary>The address book, <c>/api/v1/users/addresses</c>, on one provider.</summary>
public abstract class AddressTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : AccountsFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Adding_answers_201_with_Location_and_the_address_is_listed_and_in_the_profile()
    {
        var session = await _client.SignUpAsync("add");

        using var response = await _client.SendAsync(HttpMethod.Post, AccountsApi.AddressesUrl, session.AccessToken, AccountsApi.AddressBody());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.True(body.GetProperty("success").GetBoolean());
        var address = body.GetProperty("data");
        var id = address.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/users/addresses/{id}", response.Headers.Location!.ToString());
        Assert.Equal(
            ("Grace", "Hopper", "Navy", "456 Oak Ave", "Suite 9", "Los Angeles", "CA", "90001", "USA", "+14155550123"),
            (Text(address, "firstName"), Text(address, "lastName"), Text(address, "company"), Text(address, "street"), Text(address, "street2"),
             Text(address, "city"), Text(address, "state"), Text(address, "zipCode"), Text(address, "country"), Text(address, "phone")));
        // The first address of each kind becomes its default.
        Assert.Equal((true, true, true), Flags(address));

        var listed = Assert.Single(await _client.AddressesAsync(session.AccessToken));
        Assert.Equal(id, listed.GetProperty("id").GetGuid());
        var inProfile = Assert.Single((await _client.ProfileAsync(session.AccessToken)).GetProperty("addresses").EnumerateArray());
        Assert.Equal(id, inProfile.GetProperty("id").GetGuid());
        Assert.Equal("456 Oak Ave", Text(inProfile, "street"));
    }

    [Fact]
    public async Task A_new_default_clears_the_old_one_each_kind_apart()
    {
        var session = await _client.SignUpAsync("defaults");
        var home = (await _client.AddAddressAsync(session.AccessToken, AccountsApi.AddressBody("1 Home Rd"))).GetProperty("id").GetGuid();
        var office = await _client.AddAddressAsync(session.AccessToken, AccountsApi.AddressBody("2 Office St"));
        Assert.Equal((false, false, false), Flags(office));

        // Shipping to the office from now on; billing stays at home.
        var shipping = await _client.AddAddressAsync(session.AccessToken, AccountsApi.AddressBody("3 Depot Ln", isDefaultShipping: true));
        Assert.Equal((false, true, false), Flags(shipping));
        var byId = await ByIdAsync(session);
        Assert.Equal((false, false, true), Flags(byId[home]));

        // Seed 004's isDefault moves both.
        var both = await _client.AddAddressAsync(session.AccessToken, AccountsApi.AddressBody("4 New Home Rd", isDefault: true));
        Assert.Equal((true, true, true), Flags(both));
        byId = await ByIdAsync(session);
        Assert.Single(byId.Values, a => a.GetProperty("isDefaultShipping").GetBoolean());
        Assert.Single(byId.Values, a => a.GetProperty("isDefaultBilling").GetBoolean());
        Assert.Equal((false, false, false), Flags(byId[home]));
        Assert.Equal((false, false, false), Flags(byId[shipping.GetProperty("id").GetGuid()]));

        // An edit can take the billing default back; the shipping default stays where it is.
        using var edited = await _client.SendAsync(
            HttpMethod.Put, $"{AccountsApi.AddressesUrl}/{home}", session.AccessToken, AccountsApi.AddressBody("1 Home Rd", isDefaultBilling: true));
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        byId = await ByIdAsync(session);
        Assert.Equal((false, false, true), Flags(byId[home]));
        Assert.Equal((false, true, false), Flags(byId[both.GetProperty("id").GetGuid()]));

        // Defaults are listed first.
        var listed = await _client.AddressesAsync(session.AccessToken);
        Assert.Equal([both.GetProperty("id").GetGuid(), home], listed.Take(2).Select(a => a.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task Put_replaces_the_fields_and_keeps_the_flags_it_does_not_name()
    {
        var session = await _client.SignUpAsync("edit");
        var id = (await _client.AddAddressAsync(session.AccessToken, AccountsApi.AddressBody())).GetProperty("id").GetGuid();

        using var response = await _client.SendAsync(HttpMethod.Put, $"{AccountsApi.AddressesUrl}/{id}", session.AccessToken, new
        {
            street = "456 Oak Avenue",
            city = "Los Angeles",
            zipCode = "90001",
            country = "USA",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var address = (await response.ReadJsonAsync()).GetProperty("data");
        var stored = Assert.Single(await _client.AddressesAsync(session.AccessToken));
        foreach (var a in new[] { address, stored })
        {
            Assert.Equal(id, a.GetProperty("id").GetGuid());
            Assert.Equal("456 Oak Avenue", Text(a, "street"));
            foreach (var cleared in new[] { "firstName", "lastName", "company", "street2", "state", "phone" })
            {
                Assert.Equal(JsonValueKind.Null, a.GetProperty(cleared).ValueKind);
            }

            Assert.Equal((true, true, true), Flags(a));
        }

        using var unset = await _client.SendAsync(HttpMethod.Put, $"{AccountsApi.AddressesUrl}/{id}", session.AccessToken, AccountsApi.AddressBody(isDefault: false));
        Assert.Equal((false, false, false), Flags((await unset.ReadJsonAsync()).GetProperty("data")));
    }

    [Fact]
    public async Task Delete_answers_204_and_the_address_is_gone()
    {
        var session = await _client.SignUpAsync("delete");
        var id = (await _client.AddAddressAsync(session.AccessToken, AccountsApi.AddressBody())).GetProperty("id").GetGuid();
        var kept = (await _client.AddAddressAsync(session.AccessToken, AccountsApi.AddressBody("9 Kept St"))).GetProperty("id").GetGuid();

        using var response = await _client.SendAsync(HttpMethod.Delete, $"{AccountsApi.AddressesUrl}/{id}", session.AccessToken);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal([kept], (await _client.AddressesAsync(session.AccessToken)).Select(a => a.GetProperty("id").GetGuid()));
        Assert.DoesNotContain((await _client.ProfileAsync(session.AccessToken)).GetProperty("addresses").EnumerateArray(), a => a.GetProperty("id").GetGuid() == id);
        using var again = await _client.SendAsync(HttpMethod.Delete, $"{AccountsApi.AddressesUrl}/{id}", session.AccessToken);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task Another_user_s_address_answers_404_and_is_left_alone()
    {
        var owner = await _client.SignUpAsync("owner");
        var stranger = await _client.SignUpAsync("stranger");
        var id = (await _client.AddAddressAsync(owner.AccessToken, AccountsApi.AddressBody())).GetProperty("id").GetGuid();

        using var put = await _client.SendAsync(HttpMethod.Put, $"{AccountsApi.AddressesUrl}/{id}", stranger.AccessToken, AccountsApi.AddressBody("1 Taken St"));
        using var delete = await _client.SendAsync(HttpMethod.Delete, $"{AccountsApi.AddressesUrl}/{id}", stranger.AccessToken);

        foreach (var response in new[] { put, delete })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal(["NOT_FOUND"], (await response.ReadErrorAsync()).ErrorCodes());
        }

        Assert.Empty(await _client.AddressesAsync(stranger.AccessToken));
        Assert.Equal("456 Oak Ave", Text(Assert.Single(await _client.AddressesAsync(owner.AccessToken)), "street"));
    }

    [Theory]
    [InlineData("street", null)]
    [InlineData("street", "")]
    [InlineData("city", null)]
    [InlineData("zipCode", null)]
    [InlineData("zipCode", "123456789012345678901")]
    [InlineData("country", null)]
    [InlineData("country", "  ")]
    [InlineData("street", "12 Evil\u202E Rd")]
    [InlineData("state", "C\u0000A")]
    [InlineData("phone", "555-0123")]
    [InlineData("firstName", "Gr\u001Bace")]
    [InlineData("company", "x201")]
    [InlineData("street2", "x190")]
    public async Task A_bad_field_answers_400_naming_it_and_stores_nothing(string field, string? value)
    {
        var session = await _client.SignUpAsync("badaddress");
        var body = AccountsApi.AddressBody();
        body[field] = value is ['x', ..] ? new string('a', int.Parse(value[1..], System.Globalization.CultureInfo.InvariantCulture)) : value;

        using var response = await _client.SendAsync(HttpMethod.Post, AccountsApi.AddressesUrl, session.AccessToken, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([field], (await response.ReadErrorAsync()).ErrorFields());
        Assert.Empty(await _client.AddressesAsync(session.AccessToken));
    }

    [Fact]
    public async Task A_bad_edit_answers_400_and_the_address_keeps_its_fields()
    {
        var session = await _client.SignUpAsync("badedit");
        var id = (await _client.AddAddressAsync(session.AccessToken, AccountsApi.AddressBody())).GetProperty("id").GetGuid();
        var body = AccountsApi.AddressBody("1 Changed St");
        body["zipCode"] = null;

        using var response = await _client.SendAsync(HttpMethod.Put, $"{AccountsApi.AddressesUrl}/{id}", session.AccessToken, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["zipCode"], (await response.ReadErrorAsync()).ErrorFields());
        Assert.Equal("456 Oak Ave", Text(Assert.Single(await _client.AddressesAsync(session.AccessToken)), "street"));
    }

    [Fact]
    public async Task The_twenty_first_address_answers_422_ADDRESS_LIMIT_REACHED()
    {
        var session = await _client.SignUpAsync("limit");
        for (var i = 0; i < 20; i++)
        {
            await _client.AddAddressAsync(session.AccessToken, AccountsApi.AddressBody($"{i} Limit St"));
        }

        using var response = await _client.SendAsync(HttpMethod.Post, AccountsApi.AddressesUrl, session.AccessToken, AccountsApi.AddressBody("21 Limit St"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(["ADDRESS_LIMIT_REACHED"], (await response.ReadErrorAsync()).ErrorCodes());
        Assert.Equal(20, (await _client.AddressesAsync(session.AccessToken)).Length);
    }

    [Fact]
    public async Task Parallel_adds_never_pass_the_limit_nor_leave_two_defaults()
    {
        var session = await _client.SignUpAsync("parallel");
        var answers = await Task.WhenAll(Enumerable.Range(0, 24).Select(async i =>
        {
            using var response = await _client.SendAsync(
                HttpMethod.Post, AccountsApi.AddressesUrl, session.AccessToken, AccountsApi.AddressBody($"{i} Race St", isDefault: i % 2 == 0));
            return response.StatusCode;
        }));

        Assert.Equal(20, answers.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(4, answers.Count(s => s == HttpStatusCode.UnprocessableEntity));
        var stored = await _client.AddressesAsync(session.AccessToken);
        Assert.Equal(20, stored.Length);
        Assert.Single(stored, a => a.GetProperty("isDefaultShipping").GetBoolean());
        Assert.Single(stored, a => a.GetProperty("isDefaultBilling").GetBoolean());
    }

    [Fact]
    public async Task Anonymous_answers_401_everywhere()
    {
        var id = Guid.CreateVersion7();
        foreach (var (method, url) in Endpoints(id))
        {
            using var response = await _client.SendAsync(method, url, null, AccountsApi.AddressBody());
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal(["UNAUTHORIZED"], (await response.ReadErrorAsync()).ErrorCodes());
        }
    }

    [Fact]
    public async Task A_service_token_without_a_user_answers_403_everywhere()
    {
        var service = await _client.OrdersTokenAsync();
        var id = Guid.CreateVersion7();
        foreach (var (method, url) in Endpoints(id))
        {
            using var response = await _client.SendAsync(method, url, service, AccountsApi.AddressBody());
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal(["FORBIDDEN"], (await response.ReadErrorAsync()).ErrorCodes());
        }
    }

    private static (HttpMethod, string)[] Endpoints(Guid id) =>
    [
        (HttpMethod.Get, AccountsApi.AddressesUrl),
        (HttpMethod.Post, AccountsApi.AddressesUrl),
        (HttpMethod.Put, $"{AccountsApi.AddressesUrl}/{id}"),
        (HttpMethod.Delete, $"{AccountsApi.AddressesUrl}/{id}"),
    ];

    private async Task<Dictionary<Guid, JsonElement>> ByIdAsync(Session session)
        => (await _client.AddressesAsync(session.AccessToken)).ToDictionary(a => a.GetProperty("id").GetGuid());

    private static string? Text(JsonElement element, string property) => element.GetProperty(property).GetString();

    private static (bool IsDefault, bool Shipping, bool Billing) Flags(JsonElement a)
        => (a.GetProperty("isDefault").GetBoolean(), a.GetProperty("isDefaultShipping").GetBoolean(), a.GetProperty("isDefaultBilling").GetBoolean());
}

/// <summary>On SQLite.</summary>
public sealed class SqliteAddressTests(AccountsFactory factory) : AddressTests<AccountsFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresAddressTests(PostgresAccountsFactory factory) : AddressTests<PostgresAccountsFactory>(factory);
