using System.Net;
using System.Net.Http.Headers;

namespace Mercato.Client.Auth;

/// <summary>
/// Sends the session's access token as <c>Authorization: Bearer</c> (when signed in and the request
/// carries no other), refreshes it shortly before it expires, and on a 401 refreshes once and sends
/// the request again. Request bodies are buffered first so that the retry can send them again.
/// </summary>
/// <param name="session">The session's tokens.</param>
/// <param name="options">When to refresh.</param>
internal sealed class BearerTokenHandler(TokenSession session, MercatoClientOptions options) : DelegatingHandler
{
    /// <summary>Marks a request whose <c>Authorization</c> this handler set (an outer retry sends it again).</summary>
    private static readonly HttpRequestOptionsKey<bool> SetHere = new("Mercato.Client.BearerSetHere");

    /// <summary>Refreshes the session now, past this handler (so a refused refresh is no 401 to retry).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new tokens, or null when signed out.</returns>
    public Task<TokenPair?> RefreshNowAsync(CancellationToken cancellationToken) =>
        session.RefreshAsync(base.SendAsync, null, cancellationToken);

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var ours = request.Options.TryGetValue(SetHere, out var setHere) && setHere;
        if ((request.Headers.Authorization is not null && !ours) || session.Tokens is null)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var tokens = session.Tokens;
        if (options.RefreshBeforeExpiry && tokens.ExpiresAt - options.RefreshMargin <= session.Time.GetUtcNow())
        {
            tokens = await session.RefreshAsync(base.SendAsync, tokens.AccessToken, cancellationToken).ConfigureAwait(false) ?? tokens;
        }

        if (request.Content is not null)
        {
            await request.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        request.Options.Set(SetHere, true);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        var renewed = await session.RefreshAsync(base.SendAsync, tokens.AccessToken, cancellationToken).ConfigureAwait(false);
        if (renewed is null || renewed.AccessToken == tokens.AccessToken)
        {
            return response;
        }

        response.Dispose();
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", renewed.AccessToken);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
