using Mercato.Platform.Persistence;

namespace Mercato.Notifications.Data;

/// <summary>Lets <c>dotnet ef</c> build the SQLite context.</summary>
internal sealed class NotificationsSqliteDesignTimeFactory : SqliteDesignTimeFactory<NotificationsSqliteDbContext>;

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL context.</summary>
internal sealed class NotificationsPostgresDesignTimeFactory : PostgresDesignTimeFactory<NotificationsPostgresDbContext>;
