using System.Net;
using Mercato.Client.Errors;
using Mercato.Client.Generated.Models;
using Microsoft.Kiota.Abstractions;

namespace Mercato.Client.Tests;

/// <summary>Error answers reach the caller as <see cref="MercatoApiException"/> read from the envelope.</summary>
public sealed class ErrorEnvelopeTests(ShopServer shop)
{
    [Fact]
    public async Task Bad_input_throws_a_MercatoApiException_naming_the_field_with_the_code_and_trace_id()
    {
        using var client = shop.NewClient();
        var error = await Assert.ThrowsAsync<MercatoApiException>(() => client.V1.Auth.Register.PostAsync(
            new RegisterRequest { Email = "not-an-address", Password = Shoppers.Password, ConfirmPassword = Shoppers.Password, FirstName = "Ada", LastName = "Lovelace" },
            cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.BadRequest, error.Status);
        Assert.Equal(400, error.ResponseStatusCode);
        Assert.Equal("VALIDATION_ERROR", error.Code);
        Assert.NotEmpty(error.ErrorsFor("email"));
        Assert.False(string.IsNullOrEmpty(error.TraceId));
        Assert.Equal("/api/v1/auth/register", error.RequestPath);
        Assert.IsAssignableFrom<ApiException>(error);
    }

    [Fact]
    public async Task A_refused_sign_in_and_an_unknown_product_throw_with_their_status_and_code()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = shop.NewClient();
        var refused = await Assert.ThrowsAsync<MercatoApiException>(() => client.SignInAsync("nobody@client.test", "Wrong-Passw0rd!", ct));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
        Assert.Equal("UNAUTHORIZED", refused.Code);
        Assert.False(client.IsSignedIn);

        var missing = await Assert.ThrowsAsync<MercatoApiException>(() => client.V1.Products[Guid.NewGuid()].GetAsync(cancellationToken: ct));
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Equal("NOT_FOUND", missing.Code);
    }
}
