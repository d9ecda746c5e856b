using System.Net;
using System.Text.RegularExpressions;
using Mercato.Testing;
using Mercato.Web.Tests.Support;
using Microsoft.Playwright;

namespace Mercato.Web.Tests.Account;

/// <summary>
/// The shopper's own account pages: the overview, the profile (details, password), the address
/// book, and the forgotten-password flow through the real SMTP server. Each change is checked
/// through the API, and a bad input shows the API's message next to its field with nothing saved.
/// </summary>
[Collection(nameof(SharedWebShop))]
public sealed partial class AccountPagesTests(WebShop shop) : IDisposable
{
    private readonly MailServer _mail = new();

    [Fact]
    public async Task The_overview_shows_the_account_and_the_profile_saves_details_and_password_and_shows_a_bad_phone_by_its_field()
    {
        var shopper = await Shopper.RegisterAsync(shop, "Ada", "Lovelace");
        var page = await shopper.SignInAsync(shop);

        await page.GotoAsync("/account");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your account", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".account-facts")).ToContainTextAsync("Ada Lovelace");
        await Assertions.Expect(page.Locator(".account-facts")).ToContainTextAsync(shopper.Email);
        await Assertions.Expect(page.Locator(".account-facts")).ToContainTextAsync("Not verified");
        await Assertions.Expect(page.GetByText("You have not ordered anything yet.")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "account");
        Problems.AssertNone(page);

        // The details are saved, and the API has them.
        await page.GetByRole(AriaRole.Link, new() { Name = "Profile and password" }).First.ClickAsync();
        await Assertions.Expect(page.GetByLabel("First name", new() { Exact = true })).ToHaveValueAsync("Ada");
        await page.GetByLabel("First name", new() { Exact = true }).FillAsync("Augusta Ada");
        await page.GetByLabel("Last name", new() { Exact = true }).FillAsync("King");
        await page.GetByLabel("Phone", new() { Exact = true }).FillAsync("+442071234567");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save details" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your details were saved.");
        var profile = await shopper.GetAsync(shop, "/api/v1/users/profile");
        Assert.Equal(("Augusta Ada", "King", "+442071234567"), (profile.GetProperty("firstName").GetString(), profile.GetProperty("lastName").GetString(), profile.GetProperty("phoneNumber").GetString()));
        await Assertions.Expect(page.GetByLabel("Phone", new() { Exact = true })).ToHaveValueAsync("+442071234567");

        // A phone the API refuses: its message next to the field, nothing changed.
        await page.GetByLabel("Last name", new() { Exact = true }).FillAsync("Byron");
        await page.GetByLabel("Phone", new() { Exact = true }).FillAsync("12345");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save details" }).ClickAsync();
        await Assertions.Expect(page.Locator(".field:has(#phoneNumber) .field-error")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".field:has(#lastName) .field-error")).ToHaveCountAsync(0);
        profile = await shopper.GetAsync(shop, "/api/v1/users/profile");
        Assert.Equal(("King", "+442071234567"), (profile.GetProperty("lastName").GetString(), profile.GetProperty("phoneNumber").GetString()));
        await Screenshots.SaveAsync(page, "account-profile");

        // The password: a wrong current one is refused by its field, the right one changes it and this browser stays signed in.
        await page.GotoAsync("/account/password");
        await page.GetByLabel("Current password", new() { Exact = true }).FillAsync("Not-the-passw0rd!");
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync("Brand-New-Passw0rd!");
        await page.GetByLabel("Repeat the new password", new() { Exact = true }).FillAsync("Brand-New-Passw0rd!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Assertions.Expect(page.Locator(".field:has(#currentPassword) .field-error")).ToBeVisibleAsync();
        await page.GetByLabel("Current password", new() { Exact = true }).FillAsync(ApiCalls.CustomerPassword);
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync("Brand-New-Passw0rd!");
        await page.GetByLabel("Repeat the new password", new() { Exact = true }).FillAsync("Brand-New-Passw0rd!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your password was changed.");
        await shop.Api.SignInAsync(shopper.Email, "Brand-New-Passw0rd!");
        await page.GotoAsync("/account");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your account", Level = 1 })).ToBeVisibleAsync();
        Problems.AssertNone(page);
    }

    [Fact]
    public async Task An_address_is_added_made_default_edited_and_deleted_and_a_bad_phone_is_shown_by_its_field()
    {
        var shopper = await Shopper.RegisterAsync(shop, "Grace", "Hopper");
        var page = await shopper.SignInAsync(shop);
        await page.GotoAsync("/account/addresses");
        await Assertions.Expect(page.GetByText("You have no saved addresses yet.")).ToBeVisibleAsync();

        // Refused by the API: the message is next to the phone field, and nothing is saved.
        await FillAddressAsync(page, "1 Harbour Road", "PO1 2AB", "Portsmouth", "GB");
        await page.GetByLabel("Phone (optional)").FillAsync("555-CALL-ME");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add address" }).ClickAsync();
        await Assertions.Expect(page.Locator(".field:has(#addr-phone) .field-error")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".field:has(#addr-street) .field-error")).ToHaveCountAsync(0);
        Assert.Equal(0, (await shopper.GetAsync(shop, "/api/v1/users/addresses")).GetArrayLength());

        // Added; the first address becomes both defaults.
        await page.GetByLabel("Phone (optional)").FillAsync("+442392000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add address" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The address was added.");
        var saved = Assert.Single((await shopper.GetAsync(shop, "/api/v1/users/addresses")).EnumerateArray());
        Assert.Equal(("1 Harbour Road", "+442392000000", true, true), (saved.GetProperty("street").GetString(), saved.GetProperty("phone").GetString(), saved.GetProperty("isDefaultShipping").GetBoolean(), saved.GetProperty("isDefaultBilling").GetBoolean()));

        // A second one, made the default shipping address.
        await FillAddressAsync(page, "2 Dock Lane", "BS1 1AA", "Bristol", "GB");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add address" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The address was added.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Use 2 Dock Lane, Bristol for shipping by default" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The default address was changed.");
        var addresses = (await shopper.GetAsync(shop, "/api/v1/users/addresses")).EnumerateArray().ToList();
        Assert.True(addresses.Single(a => a.GetProperty("street").GetString() == "2 Dock Lane").GetProperty("isDefaultShipping").GetBoolean());
        var first = addresses.Single(a => a.GetProperty("street").GetString() == "1 Harbour Road");
        Assert.Equal((false, true, "+442392000000"), (first.GetProperty("isDefaultShipping").GetBoolean(), first.GetProperty("isDefaultBilling").GetBoolean(), first.GetProperty("phone").GetString()));
        await Screenshots.SaveAsync(page, "account-addresses");

        // Edited: the form comes filled in; the new city is saved and the rest kept.
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit 1 Harbour Road, Portsmouth" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Edit the address" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Street and number")).ToHaveValueAsync("1 Harbour Road");
        await page.GetByLabel("City", new() { Exact = true }).FillAsync("Southsea");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save address" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The address was saved.");
        var edited = (await shopper.GetAsync(shop, "/api/v1/users/addresses")).EnumerateArray().Single(a => a.GetProperty("street").GetString() == "1 Harbour Road");
        Assert.Equal(("Southsea", "+442392000000", true), (edited.GetProperty("city").GetString(), edited.GetProperty("phone").GetString(), edited.GetProperty("isDefaultBilling").GetBoolean()));

        // Deleted.
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete 2 Dock Lane, Bristol" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The address was deleted.");
        Assert.Equal("1 Harbour Road", Assert.Single((await shopper.GetAsync(shop, "/api/v1/users/addresses")).EnumerateArray()).GetProperty("street").GetString());
        Problems.AssertNone(page);
    }

    [Fact]
    public async Task A_forgotten_password_is_reset_with_the_mailed_link_and_the_shopper_signs_in_with_the_new_one()
    {
        var shopper = await Shopper.RegisterAsync(shop, "Mary", "Anning");
        var page = await shop.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByRole(AriaRole.Link, new() { Name = "Forgot your password?" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Forgot your password?" })).ToBeVisibleAsync();
        await page.GetByLabel("E-mail", new() { Exact = true }).FillAsync(shopper.Email);
        await Screenshots.SaveAsync(page, "account-forgot-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the link" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("we sent it a link");

        var mail = await _mail.WaitForSubjectAsync(shopper.Email, $"Reset your {WebShop.ShopName} password");
        var link = ResetLink().Match(mail.TextBody ?? string.Empty);
        Assert.True(link.Success, mail.TextBody);
        await page.GotoAsync(link.Value);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Choose a new password" })).ToBeVisibleAsync();

        // A password the policy refuses is shown by its field; the link still works afterwards.
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync("short");
        await page.GetByLabel("Repeat the new password", new() { Exact = true }).FillAsync("short");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set the new password" }).ClickAsync();
        await Assertions.Expect(page.Locator(".field:has(#newPassword) .field-error")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "account-reset-password");

        await page.GetByLabel("New password", new() { Exact = true }).FillAsync("Fossil-Hunter-2026!");
        await page.GetByLabel("Repeat the new password", new() { Exact = true }).FillAsync("Fossil-Hunter-2026!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set the new password" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Sign in with the new one");

        // The old password is refused, the new one signs in (the form, and the API).
        using (var old = await shop.Api.PostJsonAsync("/api/v1/auth/login", new { email = shopper.Email, password = ApiCalls.CustomerPassword }))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        }

        await page.GetByLabel("E-mail", new() { Exact = true }).FillAsync(shopper.Email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("Fossil-Hunter-2026!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "My account" })).ToBeVisibleAsync();
        Problems.AssertNone(page);

        // The link worked once.
        await page.GotoAsync(link.Value);
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync("Another-Passw0rd!");
        await page.GetByLabel("Repeat the new password", new() { Exact = true }).FillAsync("Another-Passw0rd!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set the new password" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).First).ToContainTextAsync("expired or was already used");
    }

    /// <inheritdoc />
    public void Dispose() => _mail.Dispose();

    private static async Task FillAddressAsync(IPage page, string street, string zip, string city, string country)
    {
        await page.GetByLabel("Street and number").FillAsync(street);
        await page.GetByLabel("Postal code").FillAsync(zip);
        await page.GetByLabel("City", new() { Exact = true }).FillAsync(city);
        await page.GetByLabel("Country", new() { Exact = true }).FillAsync(country);
    }

    [GeneratedRegex(@"https?://[^\s""]+/account/reset-password\?uid=[^&\s""]+&token=[^\s""]+")]
    private static partial Regex ResetLink();
}
