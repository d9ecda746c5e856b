using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Mercato.Messaging.Outbox;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Mercato.Messaging.Audit;

/// <summary>
/// Audits a module's saved changes: when an administrator, a service token or the module's own
/// background work (no HTTP request: relays, event handlers, jobs) saves, every added, modified and
/// deleted row (but infrastructure rows and <see cref="NotAuditedAttribute"/> types) becomes an
/// entry; whoever saves, so do <see cref="AlwaysAuditedAttribute"/> types. The entries travel as
/// one <see cref="AuditRecorded"/> event added to the module's outbox in the same save, so they
/// exist exactly when the change committed. A customer's save in a module without always-audited
/// types costs one claims lookup and nothing else.
/// </summary>
/// <typeparam name="TContext">The module's DbContext.</typeparam>
/// <param name="http">The current request, if any.</param>
/// <param name="time">The application's clock.</param>
/// <param name="module">The module's name (the actor of its background work is <c>service:&lt;module&gt;</c>).</param>
internal sealed class AuditInterceptor<TContext>(IHttpContextAccessor http, TimeProvider time, string module) : SaveChangesInterceptor
    where TContext : DbContext
{
    private static readonly ConcurrentDictionary<IModel, bool> AlwaysAuditedModels = new();

    // The audit row a save added, until the save succeeds: a retried save (after a concurrency
    // conflict) replaces it rather than recording the changes twice.
    private readonly ConditionalWeakTable<DbContext, OutboxMessage> _pending = [];

    /// <inheritdoc />
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Audit(eventData.Context);
        return result;
    }

    /// <inheritdoc />
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Audit(eventData.Context);
        return ValueTask.FromResult(result);
    }

    /// <inheritdoc />
    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Forget(eventData.Context);
        return result;
    }

    /// <inheritdoc />
    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Audit(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var actor = AuditActor.Of(http.HttpContext, module);
        if (!actor.AuditsEverything && !AlwaysAuditedModels.GetOrAdd(context.Model, HasAlwaysAudited))
        {
            return;
        }

        if (_pending.TryGetValue(context, out var previous))
        {
            var stale = context.Entry(previous);
            if (stale.State == EntityState.Added)
            {
                stale.State = EntityState.Detached;
            }

            _pending.Remove(context);
        }

        var records = AuditTrail.Collect(context, module, actor, time.GetUtcNow());
        if (records.Count == 0)
        {
            return;
        }

        var recorded = context.AddIntegrationEvent(new AuditRecorded(records), module);
        if (context.ChangeTracker.Entries<OutboxMessage>().FirstOrDefault(e => e.Entity.Id == recorded.Id) is { } row)
        {
            _pending.AddOrUpdate(context, row.Entity);
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            _pending.Remove(context);
        }
    }

    private static bool HasAlwaysAudited(IModel model)
        => model.GetEntityTypes().Any(t => AuditResources.Of(t.ClrType) == AuditResources.Kind.Always);
}
