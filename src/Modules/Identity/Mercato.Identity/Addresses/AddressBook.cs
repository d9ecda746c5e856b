using Mercato.Identity.Data;
using Mercato.Identity.Users;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Mercato.Platform.Persistence;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Identity.Addresses;

/// <summary>
/// A user's saved addresses: at most <see cref="MaxAddresses"/>, one default shipping and one
/// default billing address. Every write runs in one transaction that also bumps the user's
/// concurrency stamp, so two writes for one user never interleave (the loser is retried from fresh
/// state by <see cref="ConcurrentWrites"/>): the limit holds, and a new default clears the old one
/// atomically (the old flag is cleared first, as the unique filtered index wants).
/// </summary>
internal sealed class AddressBook(MercatoIdentityDbContext db, ConcurrentWrites writes, TimeProvider time)
{
    /// <summary>How many addresses one user may keep.</summary>
    public const int MaxAddresses = 20;

    /// <summary>The error code of a full address book.</summary>
    public const string LimitReachedCode = "ADDRESS_LIMIT_REACHED";

    /// <summary>The user's addresses: the default shipping one first, then the default billing one, then newest first.</summary>
    public Task<List<Address>> ListAsync(Guid userId, CancellationToken cancellationToken)
        => db.Addresses.AsNoTracking().Where(a => a.UserId == userId)
            .OrderByDescending(a => a.IsDefaultShipping).ThenByDescending(a => a.IsDefaultBilling)
            .ThenByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id)
            .ToListAsync(cancellationToken);

    /// <summary>One of the user's addresses, or null when it is not theirs or does not exist.</summary>
    public Task<Address?> FindAsync(Guid userId, Guid addressId, CancellationToken cancellationToken)
        => db.Addresses.AsNoTracking().SingleOrDefaultAsync(a => a.Id == addressId && a.UserId == userId, cancellationToken);

    /// <summary>Saves a new address (call after validation).</summary>
    public Task<(Address? Address, ApiErrorResult? Error)> AddAsync(Guid userId, AddressRequest request, CancellationToken cancellationToken)
        => WriteAsync(userId, (mine, now) =>
        {
            if (mine.Count >= MaxAddresses)
            {
                return (null, ApiResults.Error(
                    StatusCodes.Status422UnprocessableEntity, LimitReachedCode,
                    $"An account keeps at most {MaxAddresses} addresses; delete one before adding another"));
            }

            return (new Address { Id = Guid.CreateVersion7(), UserId = userId, CreatedAt = now }, null);
        }, request, cancellationToken);

    /// <summary>Replaces one of the user's addresses (call after validation); 404 when it is not theirs.</summary>
    public Task<(Address? Address, ApiErrorResult? Error)> UpdateAsync(Guid userId, Guid addressId, AddressRequest request, CancellationToken cancellationToken)
        => WriteAsync(userId, (mine, _) => mine.Find(a => a.Id == addressId) is { } address
            ? (address, null)
            : (null, NotFound()), request, cancellationToken);

    /// <summary>Deletes one of the user's addresses; 404 when it is not theirs. The other addresses keep their flags.</summary>
    public async Task<ApiErrorResult?> DeleteAsync(Guid userId, Guid addressId, CancellationToken cancellationToken)
        => (await WriteAsync(userId, (mine, _) =>
        {
            if (mine.Find(a => a.Id == addressId) is not { } address)
            {
                return (null, NotFound());
            }

            db.Addresses.Remove(address);
            return (address, null);
        }, request: null, cancellationToken)).Error;

    /// <summary>The answer for an address that is not the caller's (or does not exist).</summary>
    public static ApiErrorResult NotFound() => ApiResults.NotFound("Address not found");

    private Task<(Address? Address, ApiErrorResult? Error)> WriteAsync(
        Guid userId,
        Func<List<Address>, DateTime, (Address? Address, ApiErrorResult? Error)> pick,
        AddressRequest? request,
        CancellationToken cancellationToken)
        => writes.RetryAsync<(Address?, ApiErrorResult?)>(db, async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
            if (user is null)
            {
                return (null, SignedInUser.Gone());
            }

            var mine = await db.Addresses.Where(a => a.UserId == userId).ToListAsync(cancellationToken);
            var (address, error) = pick(mine, now);
            if (address is null)
            {
                return (null, error);
            }

            Touch(user, now);
            if (request is not null)
            {
                var isNew = !mine.Contains(address);
                var shipping = request.WantsDefaultShipping ?? (isNew ? !mine.Exists(a => a.IsDefaultShipping) : address.IsDefaultShipping);
                var billing = request.WantsDefaultBilling ?? (isNew ? !mine.Exists(a => a.IsDefaultBilling) : address.IsDefaultBilling);
                foreach (var other in mine.Where(a => a.Id != address.Id))
                {
                    other.IsDefaultShipping &= !shipping;
                    other.IsDefaultBilling &= !billing;
                }

                // The old defaults lose their flags before this address takes them (one of each per user is unique).
                await db.SaveChangesAsync(cancellationToken);
                Fill(address, request, now);
                address.IsDefaultShipping = shipping;
                address.IsDefaultBilling = billing;
                if (isNew)
                {
                    db.Addresses.Add(address);
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (address, null);
        }, cancellationToken);

    private static void Touch(User user, DateTime now)
    {
        user.UpdatedAt = now;
        // Identity's concurrency token: a parallel write for the same user fails and is retried.
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
    }

    private static void Fill(Address address, AddressRequest request, DateTime now)
    {
        address.FirstName = Trimmed(request.FirstName);
        address.LastName = Trimmed(request.LastName);
        address.Company = Trimmed(request.Company);
        address.Street = request.Street!.Trim();
        address.Street2 = Trimmed(request.Street2);
        address.City = request.City!.Trim();
        address.State = Trimmed(request.State);
        address.ZipCode = request.ZipCode!.Trim();
        address.Country = request.Country!.Trim();
        address.Phone = Trimmed(request.Phone);
        address.UpdatedAt = now;
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
