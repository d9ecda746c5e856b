using Npgsql;

namespace Mercato.Testing;

/// <summary>
/// The PostgreSQL, RabbitMQ and Redis that <c>scripts/test.sh</c> starts, read from
/// <c>MERCATO_TEST_POSTGRES</c>, <c>MERCATO_TEST_RABBITMQ</c> and <c>MERCATO_TEST_REDIS</c>.
/// A test that needs one fails with a clear message when it is missing: it never silently passes.
/// </summary>
public static class TestInfrastructure
{
    /// <summary>Server connection string without a database (the user may create databases).</summary>
    public static string Postgres => Require("MERCATO_TEST_POSTGRES");

    /// <summary>AMQP URI of the test broker.</summary>
    public static string RabbitMq => Require("MERCATO_TEST_RABBITMQ");

    /// <summary>host:port of the test Redis.</summary>
    public static string Redis => Require("MERCATO_TEST_REDIS");

    /// <summary>host:port of the test SMTP server (smtp4dev).</summary>
    public static string Smtp => Require("MERCATO_TEST_SMTP");

    /// <summary>Base URL of the test SMTP server's HTTP API, where tests read what arrived.</summary>
    public static string SmtpApi => Require("MERCATO_TEST_SMTP_API");

    /// <summary>A unique, lower-case name for per-test databases, queues and key prefixes.</summary>
    public static string UniqueName(string prefix) => $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 60)].ToLowerInvariant();

    /// <summary>The test server's <c>postgres</c> database, where databases are created and dropped.</summary>
    public static string PostgresAdministration => new NpgsqlConnectionStringBuilder(Postgres) { Database = "postgres" }.ConnectionString;

    /// <summary>Drops every database whose name starts with <paramref name="prefix"/>.</summary>
    public static async Task DropPostgresDatabasesAsync(string prefix)
    {
        await using var connection = new NpgsqlConnection(PostgresAdministration);
        await connection.OpenAsync();
        var names = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE @p", connection))
        {
            list.Parameters.AddWithValue("p", prefix + "%");
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }

        foreach (var name in names)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static string Require(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{variable} is not set. Run the tests with scripts/test.sh (or eval \"$(scripts/test-env.sh start)\" first), which starts PostgreSQL, RabbitMQ, Redis and an SMTP server.");
}
