using Mercato.Testing;

namespace Mercato.Identity.Tests.Support;

/// <summary>
/// Mercato.Server hosting only the Identity module, in memory, on SQLite or PostgreSQL, with a
/// known administrator and a fake clock (see <see cref="ModuleHostFactory{TEntryPoint}"/>).
/// </summary>
public class IdentityFactory : ModuleHostFactory<Program>
{
    /// <summary>The administrator's e-mail in every test host.</summary>
    public const string AdminEmail = "admin@identity.test";

    /// <summary>The administrator's password in every test host.</summary>
    public const string AdminPassword = "Admin-Passw0rd!";

    /// <summary>Creates a host on SQLite.</summary>
    public IdentityFactory()
        : this(postgres: false)
    {
    }

    /// <summary>Creates a host on SQLite or on its own PostgreSQL database.</summary>
    protected IdentityFactory(bool postgres)
        : base("identity", postgres, "mercato_idt")
    {
        Settings["Identity:Admin:Email"] = AdminEmail;
        Settings["Identity:Admin:Password"] = AdminPassword;
        // Hashing cost is a setting; these tests sign up many accounts on a 2-core machine.
        // PasswordHashingTests checks the production default separately.
        Settings["Identity:Password:HashIterations"] = "1000";
    }
}

/// <summary>Identity on PostgreSQL.</summary>
public sealed class PostgresIdentityFactory() : IdentityFactory(postgres: true);
