using System.Text.Json;
using Mercato.Messaging.Outbox;
using Mercato.Support.Data;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Support.Tests.Infrastructure;

/// <summary>
/// Mercato.Server hosting Identity, Catalog, Cart, Ordering, Notifications and Support in memory
/// (embedded mode), on SQLite or PostgreSQL, sending e-mail to the test SMTP server (smtp4dev).
/// The modules read a fake clock, which <see cref="Tick"/> moves.
/// </summary>
public class SupportFactory : ModuleHostFactory<Program>
{
    /// <summary>The administrator's e-mail.</summary>
    public const string AdminEmail = "admin@support.test";

    /// <summary>The administrator's password.</summary>
    public const string AdminPassword = "Admin-Passw0rd!";

    /// <summary>Creates a host on SQLite.</summary>
    public SupportFactory()
        : this(postgres: false)
    {
    }

    /// <summary>Creates a host on SQLite or on its own PostgreSQL databases.</summary>
    protected SupportFactory(bool postgres)
        : base("identity,catalog,cart,ordering,notifications,support", postgres, "mercato_support")
    {
        Settings["Identity:Admin:Email"] = AdminEmail;
        Settings["Identity:Admin:Password"] = AdminPassword;
        Settings["Identity:Password:HashIterations"] = "1000";
        Settings["Identity:EmailVerification:Required"] = "false";
        Settings["Catalog:DemoData:Enabled"] = "false";
        Settings["Notifications:ShopName"] = "Test Shop";
        Settings["Notifications:ShopUrl"] = "https://shop.example";
        Settings["Notifications:Email:Transport"] = "smtp";
        Settings["Notifications:Email:From"] = "Test Shop <shop@support.test>";
        Settings["Notifications:Email:Smtp:Host"] = MailServer.Host;
        Settings["Notifications:Email:Smtp:Port"] = MailServer.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Settings["Notifications:Email:Smtp:Security"] = "none";
        Settings["Notifications:Email:Smtp:Timeout"] = "00:00:05";
        Settings["Notifications:DispatchInterval"] = "00:00:00.100";
    }

    /// <summary>Moves the clock one dispatch interval (100 ms), so the mail dispatcher looks for due messages.</summary>
    public void Tick() => Clock.Advance(TimeSpan.FromMilliseconds(100));

    /// <summary>The <c>SupportMessageCreated</c> events Support wrote to its outbox for conversation <paramref name="conversationId"/>, oldest first.</summary>
    public async Task<List<JsonElement>> MessageEventsAsync(Guid conversationId)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupportDbContext>();
        var id = conversationId.ToString();
        var payloads = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.Type == "support.message-created.v1" && m.Payload.Contains(id))
            .OrderBy(m => m.OccurredAt).ThenBy(m => m.Id)
            .Select(m => m.Payload).ToListAsync();
        return [.. payloads.Select(p => JsonDocument.Parse(p).RootElement.Clone())];
    }

    /// <summary>How many conversations and messages Support holds (to show that a refused request changed nothing).</summary>
    public async Task<(int Conversations, int Messages)> CountsAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupportDbContext>();
        return (await db.Conversations.CountAsync(), await db.Messages.CountAsync());
    }
}

/// <summary>The same host on PostgreSQL.</summary>
public sealed class PostgresSupportFactory() : SupportFactory(postgres: true);
