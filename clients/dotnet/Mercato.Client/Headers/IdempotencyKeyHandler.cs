namespace Mercato.Client.Headers;

/// <summary>
/// Adds a fresh <c>Idempotency-Key</c> to the creation POSTs that take one when the caller gave
/// none, so that a retry of the same request (the pipeline's own, after a 429/503 or a token
/// refresh) can never create twice. A key the caller set (<see cref="IdempotencyKeys.UseIdempotencyKey{T}"/>) wins.
/// </summary>
internal sealed class IdempotencyKeyHandler : DelegatingHandler
{
    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Headers.Contains(IdempotencyKeys.HeaderName) && IdempotencyKeys.Takes(request))
        {
            request.Headers.Add(IdempotencyKeys.HeaderName, IdempotencyKeys.NewKey());
        }

        return base.SendAsync(request, cancellationToken);
    }
}
