using System.Diagnostics;
using Mercato.Messaging.Outbox;
using Mercato.Platform.Correlation;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Messaging.Audit;

/// <summary>
/// Writing audit entries. Changes saved through a module's DbContext are audited by its
/// interceptor (registered by <c>AddMessaging</c>); a change made with <c>ExecuteUpdate</c> or
/// <c>ExecuteDelete</c> bypasses it and is audited with <see cref="Record"/>, in the same transaction.
/// </summary>
public static class AuditTrail
{
    /// <summary>The outcome of a committed change.</summary>
    public const string Succeeded = "succeeded";

    /// <summary>
    /// Audits a bulk change (an <c>ExecuteUpdate</c> / <c>ExecuteDelete</c>) made by the current actor:
    /// adds an <see cref="AuditRecorded"/> event to <paramref name="context"/>'s outbox, saved by the
    /// next <c>SaveChanges</c>; call it inside the bulk change's transaction, before that save. An
    /// actor whose changes are not audited (a customer) records nothing unless <paramref name="always"/>.
    /// </summary>
    /// <param name="context">The module's DbContext.</param>
    /// <param name="module">The module's name.</param>
    /// <param name="verb">What happened to the resource, e.g. <c>updated</c>, <c>deleted</c>, <c>stock-adjusted</c>.</param>
    /// <param name="resourceType">The kind of thing changed, e.g. <c>product</c>.</param>
    /// <param name="resourceId">Its id (or a description of the set, e.g. <c>category:&lt;id&gt;</c>).</param>
    /// <param name="before">The changed fields before (an anonymous object), or null.</param>
    /// <param name="after">The changed fields after (an anonymous object), or null.</param>
    /// <param name="always">Whether the change is audited whoever makes it (payments, refunds).</param>
    /// <returns>Whether an entry was added.</returns>
    public static bool Record(DbContext context, string module, string verb, string resourceType, string resourceId, object? before, object? after, bool always = false)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider;
        var actor = AuditActor.Of(services?.GetService<IHttpContextAccessor>()?.HttpContext, module);
        if (!actor.AuditsEverything && !always)
        {
            return false;
        }

        var record = Entry(module, actor, verb, resourceType, resourceId, AuditFields.Of(before), AuditFields.Of(after), Now(services));
        context.AddIntegrationEvent(new AuditRecorded([record]), module);
        return true;
    }

    /// <summary>The audit entries of the tracked changes of <paramref name="context"/> that <paramref name="actor"/> makes.</summary>
    internal static List<AuditRecord> Collect(DbContext context, string module, AuditActor actor, DateTimeOffset now)
    {
        var records = new List<AuditRecord>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            var kind = AuditResources.Of(entry.Metadata.ClrType);
            if (kind == AuditResources.Kind.Never || (kind == AuditResources.Kind.Privileged && !actor.AuditsEverything))
            {
                continue;
            }

            var (before, after) = AuditFields.Of(entry, entry.State);
            if (before is null && after is null)
            {
                continue;
            }

            var verb = entry.State switch
            {
                EntityState.Added => "created",
                EntityState.Deleted => "deleted",
                _ => "updated",
            };
            records.Add(Entry(module, actor, verb, AuditResources.NameOf(entry.Metadata.ClrType), KeyOf(entry), before, after, now));
        }

        return records;
    }

    /// <summary>The application's clock's time (the system clock's when there is none).</summary>
    internal static DateTimeOffset Now(IServiceProvider? services) => (services?.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow();

    private static AuditRecord Entry(string module, AuditActor actor, string verb, string resourceType, string resourceId, string? before, string? after, DateTimeOffset now)
        => new(
            Guid.CreateVersion7(),
            module,
            actor.Id,
            actor.Type,
            $"{module}.{resourceType}.{verb}",
            resourceType,
            resourceId,
            before,
            after,
            Succeeded,
            actor.ClientIp,
            CorrelationContext.CurrentId,
            Activity.Current?.TraceId.ToString(),
            now);

    private static string KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        if (key is null)
        {
            return string.Empty;
        }

        return string.Join(',', key.Properties.Select(p =>
        {
            var property = entry.Property(p.Name);
            return property.IsTemporary ? "(new)" : Convert.ToString(entry.State == EntityState.Deleted ? property.OriginalValue : property.CurrentValue, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
        }));
    }
}
