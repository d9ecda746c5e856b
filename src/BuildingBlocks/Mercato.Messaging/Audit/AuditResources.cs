using System.Collections.Concurrent;
using System.Reflection;
using System.Text;
using Mercato.Messaging.InProcess;
using Mercato.Messaging.Inbox;
using Mercato.Messaging.Outbox;
using Mercato.Platform.Idempotency;

namespace Mercato.Messaging.Audit;

/// <summary>Which entity types the audit trail keeps, and under which resource type name.</summary>
internal static class AuditResources
{
    private static readonly ConcurrentDictionary<Type, Kind> Kinds = new();

    /// <summary>How a type is audited.</summary>
    public enum Kind
    {
        /// <summary>Never (infrastructure rows, opted-out types).</summary>
        Never,

        /// <summary>When an administrator, a service token or background work changes it.</summary>
        Privileged,

        /// <summary>Whoever changes it.</summary>
        Always,
    }

    /// <summary>How <paramref name="type"/> is audited.</summary>
    public static Kind Of(Type type) => Kinds.GetOrAdd(type, static t =>
        t == typeof(OutboxMessage) || t == typeof(InboxMessage) || t == typeof(ConsumerQueueMessage) || t == typeof(IdempotencyRecord)
        || t.GetCustomAttribute<NotAuditedAttribute>() is not null
            ? Kind.Never
            : t.GetCustomAttribute<AlwaysAuditedAttribute>() is not null ? Kind.Always : Kind.Privileged);

    /// <summary>The resource type name of <paramref name="type"/>: its <see cref="AuditResourceAttribute"/>, or the class name in kebab case (without a generic arity: <c>IdentityUserRole`1</c> → <c>identity-user-role</c>).</summary>
    public static string NameOf(Type type) => type.GetCustomAttribute<AuditResourceAttribute>()?.Name ?? Kebab(type.Name.Split('`')[0]);

    private static string Kebab(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                text.Append('-');
            }

            text.Append(char.ToLowerInvariant(name[i]));
        }

        return text.ToString();
    }
}
