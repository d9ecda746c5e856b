namespace Mercato.Client.Tests;

/// <summary>
/// Token refresh: the server issues ten-second access tokens (the shortest Identity accepts) with no
/// clock skew; the client goes on after they expire, refreshing before the call or after a 401. The
/// client that refreshes ahead does so 3 s before expiry (its default, 30 s, is longer than these tokens live).
/// </summary>
public sealed class TokenRefreshTests(ShopServer shop)
{
    [Fact]
    public async Task After_the_access_token_expires_the_client_refreshes_before_the_call_or_after_one_401_and_goes_on()
    {
        var ct = TestContext.Current.CancellationToken;
        var early = new RecordingHandler();
        var late = new RecordingHandler();
        using var ahead = new MercatoClient(new MercatoClientOptions { BaseUrl = shop.Url, PrimaryHandler = early, RefreshMargin = TimeSpan.FromSeconds(3) });
        using var onRefusal = new MercatoClient(new MercatoClientOptions { BaseUrl = shop.Url, PrimaryHandler = late, RefreshBeforeExpiry = false });
        var aheadEmail = await ahead.RegisterAndSignInAsync();
        var refusalEmail = await onRefusal.RegisterAndSignInAsync();
        var firstAhead = ahead.Tokens!;
        var firstRefusal = onRefusal.Tokens!;
        Assert.Equal(aheadEmail, (await ahead.V1.Auth.Me.GetAsync(cancellationToken: ct))!.Data!.Email);

        await Task.Delay(ShopServer.AccessTokenLifetime + TimeSpan.FromSeconds(2), ct);

        Assert.Equal(aheadEmail, (await ahead.V1.Auth.Me.GetAsync(cancellationToken: ct))!.Data!.Email);
        Assert.Equal(refusalEmail, (await onRefusal.V1.Auth.Me.GetAsync(cancellationToken: ct))!.Data!.Email);

        Assert.NotEqual(firstAhead.AccessToken, ahead.Tokens!.AccessToken);
        Assert.NotEqual(firstAhead.RefreshToken, ahead.Tokens.RefreshToken);
        Assert.Equal(["POST /api/v1/auth/refresh 200", "GET /api/v1/auth/me 200"], early.Exchanges.TakeLast(2));
        Assert.DoesNotContain(early.Exchanges, e => e.EndsWith(" 401", StringComparison.Ordinal));

        Assert.NotEqual(firstRefusal.AccessToken, onRefusal.Tokens!.AccessToken);
        Assert.Equal(["GET /api/v1/auth/me 401", "POST /api/v1/auth/refresh 200", "GET /api/v1/auth/me 200"], late.Exchanges.TakeLast(3));

        // The replaced refresh token is spent: the session goes on with the new one only.
        Assert.NotNull(await onRefusal.RefreshAsync(ct));
        Assert.Equal(refusalEmail, (await onRefusal.V1.Auth.Me.GetAsync(cancellationToken: ct))!.Data!.Email);
    }
}
