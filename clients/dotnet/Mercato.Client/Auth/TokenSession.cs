using System.Net.Http.Json;
using System.Text.Json;
using Mercato.Client.Errors;

namespace Mercato.Client.Auth;

/// <summary>
/// The signed-in session of one client: signs in with e-mail (or user name) and password through
/// <c>POST /api/v1/auth/login</c>, keeps the access and refresh tokens, and redeems the refresh
/// token (single use: the answer carries the next one) through <c>POST /api/v1/auth/refresh</c>.
/// One refresh runs at a time; concurrent callers wait for it and share its result.
/// </summary>
internal sealed class TokenSession(Uri baseUrl, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private TokenPair? _tokens;

    /// <summary>The current tokens, or null when signed out.</summary>
    public TokenPair? Tokens => Volatile.Read(ref _tokens);

    /// <summary>The current clock (for the expiry of access tokens).</summary>
    public TimeProvider Time => time;

    /// <summary>Signs in through <paramref name="http"/> (the client's whole pipeline: a refusal is a <see cref="MercatoApiException"/>).</summary>
    /// <param name="http">The client's HTTP client.</param>
    /// <param name="login">E-mail address or user name.</param>
    /// <param name="password">The password.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new tokens.</returns>
    public async Task<TokenPair> SignInAsync(HttpClient http, string login, string password, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(Endpoint("login"), new { email = login, password }, cancellationToken).ConfigureAwait(false);
        var tokens = await ReadPairAsync(response, cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _tokens, tokens);
        return tokens;
    }

    /// <summary>Sets the tokens (e.g. kept from an earlier run), or signs out with null.</summary>
    /// <param name="tokens">The tokens, or null.</param>
    public void Set(TokenPair? tokens) => Volatile.Write(ref _tokens, tokens);

    /// <summary>
    /// Redeems the refresh token through <paramref name="send"/> (the pipeline below the bearer
    /// handler) unless another caller already replaced <paramref name="stale"/>. A refused refresh
    /// (the session was revoked or the refresh token expired) signs the session out.
    /// </summary>
    /// <param name="send">Sends a request past the bearer handler.</param>
    /// <param name="stale">The access token the caller found too old or refused; null to refresh whatever is current.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The current tokens after the refresh, or null when signed out.</returns>
    public async Task<TokenPair?> RefreshAsync(
        Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send, string? stale, CancellationToken cancellationToken)
    {
        await _refreshing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = Tokens;
            if (current is null || (stale is not null && current.AccessToken != stale))
            {
                return current;
            }

            using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint("refresh"))
            {
                Content = JsonContent.Create(new { refreshToken = current.RefreshToken }),
            };
            using var response = await send(request, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                if ((int)response.StatusCode is 400 or 401 or 403)
                {
                    Set(null);
                }

                return null;
            }

            var next = await ReadPairAsync(response, cancellationToken).ConfigureAwait(false);
            Set(next);
            return next;
        }
        finally
        {
            _refreshing.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _refreshing.Dispose();

    private Uri Endpoint(string name) => new(baseUrl, "api/v1/auth/" + name);

    private async Task<TokenPair> ReadPairAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw await ErrorEnvelope.ReadAsync(response, cancellationToken).ConfigureAwait(false);
        }

        using var document = await JsonDocument.ParseAsync(
            await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), cancellationToken: cancellationToken).ConfigureAwait(false);
        var data = document.RootElement.GetProperty("data");
        return new TokenPair(
            data.GetProperty("accessToken").GetString()!,
            data.GetProperty("refreshToken").GetString()!,
            time.GetUtcNow().AddSeconds(data.GetProperty("expiresIn").GetInt32()));
    }
}
