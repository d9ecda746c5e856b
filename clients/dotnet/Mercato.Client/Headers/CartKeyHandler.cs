namespace Mercato.Client.Headers;

/// <summary>
/// The guest's cart key: while the client is not signed in and holds a key, sends <c>X-Cart-Key</c>
/// on every request that names no other, and keeps the key a guest's first cart write answers
/// with. Signed-in requests (with <c>Authorization</c>) are left alone: the account's own cart is
/// used, and a guest cart is merged into it by <c>POST /api/v1/cart/merge</c> with the key in the body.
/// </summary>
/// <param name="client">The client whose <see cref="MercatoClient.CartKey"/> is used.</param>
internal sealed class CartKeyHandler(MercatoClient client) : DelegatingHandler
{
    /// <summary>The header's name.</summary>
    public const string HeaderName = "X-Cart-Key";

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var guest = request.Headers.Authorization is null;
        var key = client.CartKey;
        if (guest && key is not null && !request.Headers.Contains(HeaderName))
        {
            request.Headers.Add(HeaderName, key);
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (guest && client.CartKey is null && response.IsSuccessStatusCode && response.Headers.TryGetValues(HeaderName, out var values))
        {
            client.CartKey = values.FirstOrDefault();
        }

        return response;
    }
}
