using Mercato.Notifications.Data;

namespace Mercato.Notifications.Messages;

/// <summary>
/// Keeps what Identity's events tell about customers. The caller saves (an event handler, in its
/// inbox transaction).
/// </summary>
internal sealed class Customers(NotificationsDbContext db, TimeProvider time)
{
    /// <summary>
    /// Applies what an event that happened at <paramref name="occurredAt"/> says about
    /// <paramref name="userId"/>, unless the details held come from a later event (events may
    /// arrive in any order); answers the customer as it now stands.
    /// </summary>
    public async Task<Customer> RecordAsync(Guid userId, DateTimeOffset occurredAt, Action<Customer> apply, CancellationToken cancellationToken)
    {
        var at = occurredAt.UtcDateTime;
        var customer = await FindOrAddAsync(userId, cancellationToken);
        if (at >= customer.DetailsAt)
        {
            apply(customer);
            customer.DetailsAt = at;
            customer.UpdatedAt = time.GetUtcNow().UtcDateTime;
        }

        return customer;
    }

    /// <summary>
    /// Applies the roles an event that happened at <paramref name="occurredAt"/> gave
    /// <paramref name="userId"/>, unless the roles held come from a later event.
    /// </summary>
    public async Task RecordRolesAsync(Guid userId, DateTimeOffset occurredAt, IEnumerable<string> roles, CancellationToken cancellationToken)
    {
        var at = occurredAt.UtcDateTime;
        var customer = await FindOrAddAsync(userId, cancellationToken);
        if (at >= customer.RolesAt)
        {
            customer.IsAdmin = roles.Contains(Mercato.Platform.Auth.MercatoRoles.Admin, StringComparer.Ordinal);
            customer.RolesAt = at;
            customer.UpdatedAt = time.GetUtcNow().UtcDateTime;
        }
    }

    private async Task<Customer> FindOrAddAsync(Guid userId, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.FindAsync([userId], cancellationToken);
        if (customer is null)
        {
            customer = new Customer { UserId = userId, DetailsAt = DateTime.MinValue, RolesAt = DateTime.MinValue };
            db.Customers.Add(customer);
        }

        return customer;
    }
}
