using Mercato.Platform.Persistence;

namespace Mercato.Payments.Data;

/// <summary>Lets <c>dotnet ef</c> build the SQLite context.</summary>
internal sealed class PaymentsSqliteDesignTimeFactory : SqliteDesignTimeFactory<PaymentsSqliteDbContext>;

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL context.</summary>
internal sealed class PaymentsPostgresDesignTimeFactory : PostgresDesignTimeFactory<PaymentsPostgresDbContext>;
