using Mercato.Identity.Data;
using Mercato.Identity.Users;
using Mercato.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Identity.Tests.Support;

/// <summary>
/// What the registration and session tests read from (and, for hashes, write to) the module's
/// own database behind a test host, through its <see cref="MercatoIdentityDbContext"/>.
/// </summary>
internal static class AccountsDatabase
{
    /// <summary>Runs <paramref name="work"/> on a fresh context of the host's Identity database.</summary>
    public static async Task<T> WithDbAsync<T>(this IdentityFactory factory, Func<MercatoIdentityDbContext, Task<T>> work)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<MercatoIdentityDbContext>());
    }

    /// <summary>The accounts whose e-mail address is <paramref name="email"/> in any case.</summary>
    public static Task<List<User>> UsersWithEmailAsync(this IdentityFactory factory, string email)
    {
        var normalized = email.ToUpperInvariant();
        return factory.WithDbAsync(db => db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalized).ToListAsync());
    }

    /// <summary>The account with id <paramref name="id"/>.</summary>
    public static Task<User> UserAsync(this IdentityFactory factory, Guid id)
        => factory.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == id));

    /// <summary>How many accounts exist.</summary>
    public static Task<int> UserCountAsync(this IdentityFactory factory)
        => factory.WithDbAsync(db => db.Users.CountAsync());

    /// <summary>Every outbox row of the given event type.</summary>
    public static Task<List<OutboxMessage>> OutboxRowsAsync(this IdentityFactory factory, string type)
        => factory.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Type == type).ToListAsync());
}
