using Mercato.Payments.Data;
using Microsoft.EntityFrameworkCore;
using Stripe;

namespace Mercato.Payments.Gateways.Stripe;

/// <summary>The Stripe Customer of each Mercato user: created at Stripe on the user's first saved card, remembered in the Payments database.</summary>
internal sealed class StripeCustomers(PaymentsDbContext db, TimeProvider time)
{
    /// <summary>The user's customer id, creating the customer at Stripe the first time.</summary>
    public async Task<string> IdForAsync(StripeApi api, CardOwner owner, CancellationToken cancellationToken)
    {
        if (await KnownAsync(owner.UserId, cancellationToken) is { } known)
        {
            return known;
        }

        var customer = await api.CallAsync(client => new CustomerService(client).CreateAsync(
            new CustomerCreateOptions { Email = owner.Email, Metadata = new() { [StripeGateway.UserIdKey] = owner.UserId.ToString() } },
            new RequestOptions { IdempotencyKey = "mercato-customer-" + owner.UserId.ToString("N") },
            cancellationToken));
        var mapping = new StripeCustomer { UserId = owner.UserId, CustomerId = customer.Id, CreatedAt = time.GetUtcNow().UtcDateTime };
        db.StripeCustomers.Add(mapping);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return customer.Id;
        }
        catch (DbUpdateException)
        {
            // A concurrent first card of the same user recorded the customer first (the same idempotency key made it the same one).
            db.Entry(mapping).State = EntityState.Detached;
            return await KnownAsync(owner.UserId, cancellationToken) ?? throw new InvalidOperationException("The user's Stripe customer could not be recorded.");
        }
    }

    private Task<string?> KnownAsync(Guid userId, CancellationToken cancellationToken)
        => db.StripeCustomers.AsNoTracking().Where(c => c.UserId == userId).Select(c => c.CustomerId).FirstOrDefaultAsync(cancellationToken);
}
