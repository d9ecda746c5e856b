using System.Net;
using Mercato.Identity.Tests.Support;
using Mercato.Testing;

namespace Mercato.Identity.Tests.Accounts;

/// <summary>
/// Registration and sign-in as the other seeds' clients send them (seed 002's form fields
/// <c>password1</c>/<c>password2</c>, seed 000's <c>confirm_password</c> and snake_case names),
/// and registration naming every failing field at once, on one provider.
/// </summary>
public abstract class SeedFormRegistrationTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : IdentityFactory, new()
{
    private const string RegisterUrl = "/api/v1/auth/register";
    private const string LoginUrl = "/api/v1/auth/login";
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Registration_names_every_failing_field_at_once_and_creates_nothing()
    {
        var before = await factory.UserCountAsync();

        using var response = await _client.PostJsonAsync(RegisterUrl, new { email = "not-an-email", password = "abcdefghij", firstName = new string('f', 101), phoneNumber = "call me" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var fields = (await response.ReadErrorAsync()).ErrorFields();
        Assert.Equal(["email", "firstName", "password", "phoneNumber"], fields.Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(before, await factory.UserCountAsync());
    }

    [Fact]
    public async Task A_short_single_class_password_reports_both_rules_with_the_bad_email()
    {
        using var response = await _client.PostJsonAsync(RegisterUrl, new { email = "a@b", password = "abc" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.ReadErrorAsync();
        Assert.Equal(["email", "password", "password"], error.ErrorFields().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Seed_002s_url_encoded_form_registers_and_signs_in()
    {
        var email = IdentityApi.NewEmail("form");
        var username = "form" + Guid.NewGuid().ToString("N")[..10];

        using var registered = await _client.PostAsync(RegisterUrl, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = username, ["email"] = email, ["password1"] = IdentityApi.Password, ["password2"] = IdentityApi.Password,
        }));
        await registered.ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(username, (await registered.ReadJsonAsync()).GetProperty("data").GetProperty("username").GetString());

        using var signedIn = await _client.PostAsync(LoginUrl, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = username, ["password"] = IdentityApi.Password,
        }));
        await signedIn.ExpectAsync(HttpStatusCode.OK);
        Assert.False(string.IsNullOrEmpty((await signedIn.ReadJsonAsync()).GetProperty("data").GetProperty("accessToken").GetString()));
    }

    [Fact]
    public async Task Seed_002s_multipart_form_as_curl_sends_it_registers_and_signs_in()
    {
        var email = IdentityApi.NewEmail("multipart");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(email), "email" },
            { new StringContent(IdentityApi.Password), "password1" },
            { new StringContent(IdentityApi.Password), "password2" },
        };

        using var registered = await _client.PostAsync(RegisterUrl, form);
        await registered.ExpectAsync(HttpStatusCode.Created);

        using var login = new MultipartFormDataContent { { new StringContent(email), "email" }, { new StringContent(IdentityApi.Password), "password" } };
        using var signedIn = await _client.PostAsync(LoginUrl, login);
        await signedIn.ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_form_sign_in_with_a_wrong_password_answers_401_like_json()
    {
        var email = IdentityApi.NewEmail("formbad");
        await _client.RegisterAsync(email);

        using var response = await _client.PostAsync(LoginUrl, new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = email, ["password"] = "Wrong-Pass123" }));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(["UNAUTHORIZED"], (await response.ReadErrorAsync()).ErrorCodes());
    }

    [Fact]
    public async Task Seed_000s_snake_case_registration_with_confirm_password_stores_the_names()
    {
        var email = IdentityApi.NewEmail("snake");

        using var response = await _client.PostJsonAsync(RegisterUrl, new
        {
            email, password = IdentityApi.Password, confirm_password = IdentityApi.Password, first_name = "Ada", last_name = "Byron", phone_number = "+441234567890",
        });

        await response.ExpectAsync(HttpStatusCode.Created);
        var user = Assert.Single(await factory.UsersWithEmailAsync(email));
        Assert.Equal(("Ada", "Byron", "+441234567890"), (user.FirstName, user.LastName, user.PhoneNumber));
    }

    [Theory]
    [InlineData("password2", "confirmPassword")]
    [InlineData("confirm_password", "confirmPassword")]
    public async Task A_confirmation_that_does_not_match_answers_400_naming_confirmPassword_and_creates_nothing(string alias, string field)
    {
        var email = IdentityApi.NewEmail("mismatch");

        using var response = await _client.PostAsync(RegisterUrl, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email, [alias == "password2" ? "password1" : "password"] = IdentityApi.Password, [alias] = IdentityApi.Password + "x",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([field], (await response.ReadErrorAsync()).ErrorFields());
        Assert.Empty(await factory.UsersWithEmailAsync(email));
    }

    [Fact]
    public async Task Password1_disagreeing_with_password_answers_400_naming_password1()
    {
        var email = IdentityApi.NewEmail("twice");

        using var response = await _client.PostJsonAsync(RegisterUrl, new { email, password = IdentityApi.Password, password1 = "Other-Pass123" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["password1"], (await response.ReadErrorAsync()).ErrorFields());
        Assert.Empty(await factory.UsersWithEmailAsync(email));
    }

    [Fact]
    public async Task A_form_field_sent_twice_answers_400_naming_it()
    {
        var email = IdentityApi.NewEmail("dup");
        using var content = new StringContent($"email={Uri.EscapeDataString(email)}&password=Secure-Pass123&password=Other-Pass123", System.Text.Encoding.ASCII, "application/x-www-form-urlencoded");

        using var response = await _client.PostAsync(RegisterUrl, content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["password"], (await response.ReadErrorAsync()).ErrorFields());
        Assert.Empty(await factory.UsersWithEmailAsync(email));
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteSeedFormRegistrationTests(IdentityFactory factory) : SeedFormRegistrationTests<IdentityFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresSeedFormRegistrationTests(PostgresIdentityFactory factory) : SeedFormRegistrationTests<PostgresIdentityFactory>(factory);
