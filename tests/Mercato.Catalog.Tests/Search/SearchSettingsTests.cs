using Mercato.Catalog.Tests.Support;
using Mercato.Testing;

namespace Mercato.Catalog.Tests.Search;

/// <summary>Search settings are checked before the host starts; a bad one stops it, naming the setting.</summary>
public sealed class SearchSettingsTests
{
    [Theory]
    [InlineData("Catalog:Search:Engine", "elastic", "Catalog:Search:Engine must be one of lucene, database (got 'elastic')")]
    [InlineData("Catalog:Search:RefreshInterval", "00:00:00", "Catalog:Search:RefreshInterval must be positive")]
    public async Task A_bad_search_setting_stops_the_start_naming_it(string key, string value, string problem)
    {
        await using var factory = new CatalogFactory();
        factory.Settings[key] = value;

        // The host prints the problem on standard error and exits before it builds (exit code 2 as a process).
        var printed = new StringWriter();
        var error = Console.Error;
        Console.SetError(printed);
        Exception? failure;
        try
        {
            failure = Record.Exception(() => factory.CreateClient());
        }
        finally
        {
            Console.SetError(error);
        }

        Assert.NotNull(failure);
        Assert.Contains("configuration error: " + problem, printed.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_engine_is_chosen_case_insensitively_and_the_database_engine_has_no_index_to_rebuild()
    {
        await using var factory = new CatalogFactory();
        factory.Settings["Catalog:Search:Engine"] = "Database";
        var client = factory.CreateClient();

        using var rebuild = await client.SendAsync(HttpMethod.Post, "/api/v1/catalog/search/rebuild", await Tokens.AdminAsync(client));

        Assert.Equal(System.Net.HttpStatusCode.Conflict, rebuild.StatusCode);
        Assert.Equal(["CONFLICT"], (await rebuild.ReadErrorAsync()).ErrorCodes());
        Assert.False(Directory.Exists(Path.Combine(factory.DataDirectory, "search")));
    }
}
