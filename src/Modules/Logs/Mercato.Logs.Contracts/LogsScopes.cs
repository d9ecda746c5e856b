namespace Mercato.Logs.Contracts;

/// <summary>Scopes of the Logs module's service-only endpoints.</summary>
public static class LogsScopes
{
    /// <summary>Shipping log records to <c>POST /api/v1/logs/ingest</c>.</summary>
    public const string Write = "logs.write";
}
