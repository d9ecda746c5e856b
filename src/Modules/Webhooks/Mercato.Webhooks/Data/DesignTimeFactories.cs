using Mercato.Platform.Persistence;

namespace Mercato.Webhooks.Data;

/// <summary>Lets <c>dotnet ef</c> build the SQLite context.</summary>
internal sealed class WebhooksSqliteDesignTimeFactory : SqliteDesignTimeFactory<WebhooksSqliteDbContext>;

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL context.</summary>
internal sealed class WebhooksPostgresDesignTimeFactory : PostgresDesignTimeFactory<WebhooksPostgresDbContext>;
