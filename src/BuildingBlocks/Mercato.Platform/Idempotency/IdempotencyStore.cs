using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mercato.Platform.Idempotency;

/// <summary>
/// Keeps idempotency records in <typeparamref name="TContext"/>'s database. Every operation uses
/// its own DbContext, apart from the handler's unit of work, and every change is a single
/// conditional statement, so concurrent requests and replicas race safely on the row.
/// </summary>
/// <typeparam name="TContext">The owning module's DbContext (with <c>AddIdempotencyTables()</c>).</typeparam>
internal sealed class IdempotencyStore<TContext>(
    IServiceScopeFactory scopes, TimeProvider time, IOptions<IdempotencyOptions> options)
    where TContext : DbContext
{
    private const int MaxAttempts = 3;

    /// <summary>
    /// Reserves (scope, key) for this request, or reports the record that holds it. An expired
    /// record, or an in-progress one for the same request older than the lock timeout, is
    /// taken over.
    /// </summary>
    public async Task<Reservation> ReserveAsync(string scope, string key, string requestHash, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        for (var attempt = 1; ; attempt++)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var token = Guid.NewGuid();
            var failure = await TryInsertAsync(new IdempotencyRecord
            {
                Scope = scope,
                Key = key,
                RequestHash = requestHash,
                State = IdempotencyState.InProgress,
                LockToken = token,
                CreatedAt = now,
                ExpiresAt = now + settings.Retention,
            }, cancellationToken);
            if (failure is null)
            {
                return new Reservation(ReservationOutcome.Reserved, token);
            }

            var existing = await FindAsync(scope, key, cancellationToken);
            if (existing is null)
            {
                // Released or swept between our insert and our read: try again.
                if (attempt >= MaxAttempts)
                {
                    throw new InvalidOperationException("Could not reserve the idempotency key", failure);
                }

                continue;
            }

            var expired = existing.ExpiresAt <= now;
            var sameRequest = existing.RequestHash == requestHash;
            var abandoned = existing.State == IdempotencyState.InProgress && existing.CreatedAt + settings.LockTimeout <= now;
            if (expired || (sameRequest && abandoned))
            {
                if (await TryTakeOverAsync(existing, token, requestHash, now, cancellationToken))
                {
                    return new Reservation(ReservationOutcome.Reserved, token, TookOver: true);
                }

                if (attempt >= MaxAttempts)
                {
                    return new Reservation(ReservationOutcome.InProgress);
                }

                continue;
            }

            if (!sameRequest)
            {
                return new Reservation(ReservationOutcome.Mismatch);
            }

            return existing.State == IdempotencyState.Completed
                ? new Reservation(ReservationOutcome.Replay, Existing: existing)
                : new Reservation(ReservationOutcome.InProgress);
        }
    }

    /// <summary>Stores the response for a reservation this request still holds; false if it lost it.</summary>
    public async Task<bool> CompleteAsync(string scope, string key, Guid token, StoredResponse response)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var expires = now + options.Value.Retention;
        var headers = response.SerializeHeaders();
        await using var serviceScope = scopes.CreateAsyncScope();
        var db = serviceScope.ServiceProvider.GetRequiredService<TContext>();
        var updated = await db.Set<IdempotencyRecord>()
            .Where(r => r.Scope == scope && r.Key == key && r.LockToken == token && r.State == IdempotencyState.InProgress)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.State, IdempotencyState.Completed)
                .SetProperty(r => r.StatusCode, response.StatusCode)
                .SetProperty(r => r.ContentType, response.ContentType)
                .SetProperty(r => r.Headers, headers)
                .SetProperty(r => r.Body, response.Body)
                .SetProperty(r => r.CompletedAt, now)
                .SetProperty(r => r.ExpiresAt, expires));
        return updated == 1;
    }

    /// <summary>Deletes a reservation this request holds, so the key can be used again.</summary>
    public async Task ReleaseAsync(string scope, string key, Guid token)
    {
        await using var serviceScope = scopes.CreateAsyncScope();
        var db = serviceScope.ServiceProvider.GetRequiredService<TContext>();
        await db.Set<IdempotencyRecord>()
            .Where(r => r.Scope == scope && r.Key == key && r.LockToken == token)
            .ExecuteDeleteAsync();
    }

    /// <summary>Deletes every expired record; returns how many.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var serviceScope = scopes.CreateAsyncScope();
        var db = serviceScope.ServiceProvider.GetRequiredService<TContext>();
        return await db.Set<IdempotencyRecord>().Where(r => r.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Inserts the reservation; returns null on success, or the failure (usually: the key exists).</summary>
    private async Task<DbUpdateException?> TryInsertAsync(IdempotencyRecord record, CancellationToken cancellationToken)
    {
        await using var serviceScope = scopes.CreateAsyncScope();
        var db = serviceScope.ServiceProvider.GetRequiredService<TContext>();
        db.Set<IdempotencyRecord>().Add(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateException ex)
        {
            // A primary-key violation on either provider: someone holds (scope, key). Any other
            // failure is told apart by the row not being there.
            return ex;
        }
    }

    private async Task<IdempotencyRecord?> FindAsync(string scope, string key, CancellationToken cancellationToken)
    {
        await using var serviceScope = scopes.CreateAsyncScope();
        var db = serviceScope.ServiceProvider.GetRequiredService<TContext>();
        return await db.Set<IdempotencyRecord>().AsNoTracking()
            .SingleOrDefaultAsync(r => r.Scope == scope && r.Key == key, cancellationToken);
    }

    private async Task<bool> TryTakeOverAsync(
        IdempotencyRecord existing, Guid token, string requestHash, DateTime now, CancellationToken cancellationToken)
    {
        var expires = now + options.Value.Retention;
        await using var serviceScope = scopes.CreateAsyncScope();
        var db = serviceScope.ServiceProvider.GetRequiredService<TContext>();
        var updated = await db.Set<IdempotencyRecord>()
            .Where(r => r.Scope == existing.Scope && r.Key == existing.Key && r.LockToken == existing.LockToken)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.RequestHash, requestHash)
                .SetProperty(r => r.State, IdempotencyState.InProgress)
                .SetProperty(r => r.LockToken, token)
                .SetProperty(r => r.StatusCode, (int?)null)
                .SetProperty(r => r.ContentType, (string?)null)
                .SetProperty(r => r.Headers, (string?)null)
                .SetProperty(r => r.Body, (byte[]?)null)
                .SetProperty(r => r.CreatedAt, now)
                .SetProperty(r => r.CompletedAt, (DateTime?)null)
                .SetProperty(r => r.ExpiresAt, expires), cancellationToken);
        return updated == 1;
    }
}
