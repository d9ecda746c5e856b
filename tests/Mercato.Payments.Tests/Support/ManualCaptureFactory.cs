namespace Mercato.Payments.Tests.Support;

/// <summary>The payments host with <c>Payments:CaptureMethod</c> = <c>manual</c>: payments only authorise until an administrator captures them.</summary>
public class ManualCaptureFactory : PaymentsFactory
{
    /// <summary>Creates a host on SQLite.</summary>
    public ManualCaptureFactory()
        : this(postgres: false)
    {
    }

    /// <summary>Creates a host on SQLite or on its own PostgreSQL databases.</summary>
    protected ManualCaptureFactory(bool postgres)
        : base(postgres)
    {
        Settings["Payments:CaptureMethod"] = "manual";
    }
}

/// <summary>The same host on PostgreSQL.</summary>
public sealed class PostgresManualCaptureFactory() : ManualCaptureFactory(postgres: true);
