using System.Net;
using System.Text.Json;
using Mercato.Catalog.Tests.Support;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Catalog.Tests.Search;

/// <summary>
/// <c>GET /api/v1/products/search</c> on one engine and one provider. The Lucene index follows the
/// database a moment later, so a test that just wrote products searches until the result shows
/// its last write (<see cref="SearchUntilAsync"/>), then asserts everything else.
/// </summary>
public abstract class SearchTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : CatalogFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    /// <summary>The host.</summary>
    protected TFactory Factory => factory;

    /// <summary>An anonymous client of the host.</summary>
    protected HttpClient Client => _client;

    /// <summary>A made-up word no other test's product contains (letters only, so every tokenizer keeps it whole).</summary>
    protected static string NewWord() => SearchWords.New();

    /// <summary>The <c>data</c> of a search that must answer 200.</summary>
    protected async Task<JsonElement> SearchAsync(string query)
    {
        using var response = await _client.GetAsync($"/api/v1/products/search?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("data");
    }

    /// <summary>Searches until <paramref name="shows"/> holds for the result (the index caught up), and returns that result.</summary>
    protected async Task<JsonElement> SearchUntilAsync(string query, Func<JsonElement, bool> shows)
    {
        await EngineHasReadEveryWriteAsync();
        var data = default(JsonElement);
        await Eventually.HoldsAsync(async () => shows(data = await SearchAsync(query)), $"the search '{query}' to show the catalog's last write");
        return data;
    }

    /// <summary>
    /// Waits until the engine answers from everything written so far. The database engines read the
    /// tables themselves; an engine with its own index overrides this, so that a result that shows a
    /// write was not answered by a fallback that the next search no longer uses.
    /// </summary>
    protected virtual Task EngineHasReadEveryWriteAsync() => Task.CompletedTask;

    /// <summary>Searches until exactly <paramref name="count"/> products match.</summary>
    protected Task<JsonElement> SearchUntilCountAsync(string query, long count)
        => SearchUntilAsync(query, d => d.GetProperty("totalCount").GetInt64() == count);

    /// <summary>The names of a result's items, in order.</summary>
    protected static string[] Names(JsonElement data) => [.. data.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!)];

    [Fact]
    public async Task A_name_match_ranks_before_a_description_match_in_seed_004s_shape()
    {
        var word = NewWord();
        var inDescription = await factory.AddProductAsync(p => (p.Name, p.Description) = ("Plain Speaker", $"Works well with {word} gear."));
        var inName = await factory.AddProductAsync(p => (p.Name, p.Tags, p.CompareAtPrice, p.DiscountPercent) = ($"The {word} Headphones", ["audio"], 20m, 50m));

        var data = await SearchUntilCountAsync($"q={word}", 2);

        Assert.Equal(["The " + word + " Headphones", "Plain Speaker"], Names(data));
        Assert.Equal(word, data.GetProperty("query").GetString());
        Assert.Equal(2, data.GetProperty("totalCount").GetInt64());
        Assert.Equal(1, data.GetProperty("pageNumber").GetInt32());
        Assert.Equal(20, data.GetProperty("pageSize").GetInt32());
        var first = data.GetProperty("items")[0];
        Assert.Equal(inName.Id, first.GetProperty("id").GetGuid());
        Assert.Equal(inName.Sku, first.GetProperty("sku").GetString());
        Assert.Equal(10.00m, first.GetProperty("price").GetDecimal());
        Assert.Equal(10.00m, first.GetProperty("sellPrice").GetDecimal());
        Assert.Equal(20.00m, first.GetProperty("compareAtPrice").GetDecimal());
        Assert.Equal(50m, first.GetProperty("discount").GetDecimal());
        Assert.Equal(inName.CategoryId, first.GetProperty("category").GetProperty("id").GetGuid());
        Assert.Equal(5, first.GetProperty("stock").GetInt32());
        Assert.True(first.GetProperty("inStock").GetBoolean());
        Assert.Equal(["audio"], first.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!).ToArray());
        Assert.Equal(inDescription.Id, data.GetProperty("items")[1].GetProperty("id").GetGuid());
        Assert.True(first.GetProperty("score").GetDouble() > data.GetProperty("items")[1].GetProperty("score").GetDouble());
    }

    [Fact]
    public async Task A_search_hit_is_the_product_list_item_plus_its_score()
    {
        var word = NewWord();
        var product = await factory.AddProductAsync(p =>
        {
            (p.Name, p.Tags, p.CompareAtPrice, p.DiscountPercent) = ($"{word} Lamp", ["light"], 12.50m, 20m);
            p.Images = [new() { Url = "https://img.example/lamp.png", Alt = "Lamp", IsPrimary = true }];
            p.Attributes = [new() { Name = "Color", Value = "Brass" }];
        });

        var hit = (await SearchUntilCountAsync($"q={word}", 1)).GetProperty("items").EnumerateArray().Single();
        using var list = await _client.GetAsync($"/api/v1/categories/{product.CategoryId}/products");
        var item = (await list.ReadJsonAsync()).GetProperty("data").GetProperty("items").EnumerateArray().Single();

        Assert.True(hit.GetProperty("score").GetDouble() > 0);
        var hitFields = hit.EnumerateObject().Where(p => p.Name != "score").ToDictionary(p => p.Name, p => p.Value.GetRawText());
        var itemFields = item.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetRawText());
        Assert.Equal(itemFields.OrderBy(f => f.Key, StringComparer.Ordinal), hitFields.OrderBy(f => f.Key, StringComparer.Ordinal));
        Assert.EndsWith("Z", item.GetProperty("createdAt").GetString(), StringComparison.Ordinal);
        Assert.Equal("Brass", item.GetProperty("attributes")[0].GetProperty("value").GetString());
        Assert.Equal("https://img.example/lamp.png", item.GetProperty("images")[0].GetProperty("url").GetString());
    }

    [Fact]
    public async Task A_sku_matches_whole_and_by_its_parts()
    {
        var word = NewWord();
        var product = await factory.AddProductAsync(p => p.Sku = $"WH-{word.ToUpperInvariant()}-42");

        Assert.Equal([product.Name], Names(await SearchUntilCountAsync($"q={word}", 1)));
        Assert.Equal([product.Name], Names(await SearchAsync($"q={Uri.EscapeDataString(product.Sku)}")));
    }

    [Fact]
    public async Task A_tag_matches_and_ranks_before_a_description_match()
    {
        var word = NewWord();
        await factory.AddProductAsync(p => (p.Name, p.Description) = ("Described", $"Has {word} inside."));
        await factory.AddProductAsync(p => (p.Name, p.Tags) = ("Tagged", ["wireless", word]));

        Assert.Equal(["Tagged", "Described"], Names(await SearchUntilCountAsync($"q={word.ToUpperInvariant()}", 2)));
    }

    [Fact]
    public async Task Every_word_must_match()
    {
        var (word, other) = (NewWord(), NewWord());
        await factory.AddProductAsync(p => p.Name = $"{word} {other}");
        await factory.AddProductAsync(p => p.Name = $"{word} only");
        await SearchUntilCountAsync($"q={word}", 2);

        Assert.Equal([$"{word} {other}"], Names(await SearchAsync($"q={word}%20{other}")));
    }

    [Fact]
    public async Task Facets_count_the_whole_result_set_per_category()
    {
        var word = NewWord();
        var audio = await factory.AddCategoryAsync("Audio");
        var video = await factory.AddCategoryAsync("Video");
        for (var i = 0; i < 3; i++)
        {
            await factory.AddProductAsync(p => p.Name = $"{word} audio {i}", audio.Id);
        }

        for (var i = 0; i < 2; i++)
        {
            await factory.AddProductAsync(p => p.Name = $"{word} video {i}", video.Id);
        }

        var data = await SearchUntilCountAsync($"q={word}&pageSize=1", 5);

        Assert.Equal(1, data.GetProperty("items").GetArrayLength());
        var facets = data.GetProperty("facets").GetProperty("categories").EnumerateArray()
            .Select(f => (f.GetProperty("id").GetGuid(), f.GetProperty("slug").GetString(), f.GetProperty("count").GetInt32())).ToArray();
        Assert.Equal([(audio.Id, audio.Slug, 3), (video.Id, video.Slug, 2)], facets);
        Assert.Equal(data.GetProperty("totalCount").GetInt64(), facets.Sum(f => f.Item3));
    }

    [Fact]
    public async Task Results_are_paginated()
    {
        var word = NewWord();
        var category = await factory.AddCategoryAsync();
        for (var i = 0; i < 5; i++)
        {
            await factory.AddProductAsync(p => p.Name = $"{word} item {i}", category.Id);
        }

        await SearchUntilCountAsync($"q={word}", 5);
        var pages = new List<string>();
        for (var page = 1; page <= 3; page++)
        {
            var data = await SearchAsync($"q={word}&pageNumber={page}&pageSize=2");
            Assert.Equal(5, data.GetProperty("totalCount").GetInt64());
            Assert.Equal(3, data.GetProperty("totalPages").GetInt32());
            Assert.Equal(page, data.GetProperty("pageNumber").GetInt32());
            pages.AddRange(Names(data));
        }

        Assert.Equal(5, pages.Distinct().Count());
        Assert.Empty(Names(await SearchAsync($"q={word}&pageNumber=4&pageSize=2")));
    }

    [Fact]
    public async Task Unavailable_and_deleted_products_are_not_found()
    {
        var word = NewWord();
        await factory.AddProductAsync(p => (p.Name, p.Available) = ($"{word} hidden", false));
        await factory.AddProductAsync(p => (p.Name, p.IsDeleted) = ($"{word} gone", true));
        await factory.AddProductAsync(p => p.Name = $"{word} shown");

        var data = await SearchUntilAsync($"q={word}", d => Names(d).Contains($"{word} shown"));

        Assert.Equal([$"{word} shown"], Names(data));
        Assert.Equal(1, data.GetProperty("totalCount").GetInt64());
    }

    [Theory]
    [InlineData("\"NEAR(")]
    [InlineData("a OR * -")]
    [InlineData("!!!")]
    [InlineData("title:x AND (")]
    public async Task Search_syntax_in_the_text_is_taken_as_text(string text)
    {
        var data = await SearchAsync($"q={Uri.EscapeDataString(text)}");

        Assert.Equal(text.Trim(), data.GetProperty("query").GetString());
    }

    [Theory]
    [InlineData("", "q")]
    [InlineData("q=", "q")]
    [InlineData("q=%20%20", "q")]
    [InlineData("q=ok&pageNumber=0", "pageNumber")]
    [InlineData("q=ok&pageSize=101", "pageSize")]
    public async Task Bad_search_queries_answer_400_naming_the_field(string query, string field)
    {
        using var response = await _client.GetAsync($"/api/v1/products/search?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.ReadErrorAsync();
        Assert.Equal(["VALIDATION_ERROR"], error.ErrorCodes());
        Assert.Equal([field], error.ErrorFields());
    }

    [Fact]
    public async Task A_search_text_over_200_characters_answers_400()
    {
        using var response = await _client.GetAsync($"/api/v1/products/search?q={new string('a', 201)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["q"], (await response.ReadErrorAsync()).ErrorFields());
    }

    [Fact]
    public async Task Stemming_finds_other_forms_of_a_word()
    {
        var word = NewWord();
        await factory.AddProductAsync(p => p.Name = $"{word} Wireless Headphones");

        var data = await SearchUntilCountAsync($"q={word}%20headphone", 1);

        Assert.Equal([$"{word} Wireless Headphones"], Names(data));
        Assert.Equal(1, (await SearchAsync($"q={word}%20HEADPHONES")).GetProperty("totalCount").GetInt64());
    }

    [Fact]
    public async Task Pages_of_equal_scores_are_stable_ordered_by_id()
    {
        var word = NewWord();
        var category = await factory.AddCategoryAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < 7; i++)
        {
            ids.Add((await factory.AddProductAsync(p => p.Name = $"{word} gadget", category.Id)).Id);
        }

        await SearchUntilCountAsync($"q={word}", 7);
        var pages = new List<Guid>();
        for (var page = 1; page <= 3; page++)
        {
            var data = await SearchAsync($"q={word}&pageNumber={page}&pageSize=3");
            pages.AddRange(data.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
        }

        Assert.Equal(ids.OrderBy(id => id.ToString(), StringComparer.Ordinal), pages);
        var scores = (await SearchAsync($"q={word}&pageSize=7")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("score").GetDouble()).Distinct();
        Assert.Single(scores);
    }

    [Theory]
    [InlineData("{0}*", true)]
    [InlineData("name:{0}*", false)]
    [InlineData("{0}~", true)]
    [InlineData("\"{0}", true)]
    [InlineData("({0}) OR zzzzunmatched", false)]
    [InlineData("+{0} -gadget", true)]
    public async Task Query_syntax_in_the_text_is_taken_as_words(string pattern, bool findsTheExactWord)
    {
        var word = NewWord();
        await factory.AddProductAsync(p => p.Name = $"{word} gadget");
        await factory.AddProductAsync(p => p.Name = $"{word}extra gadget");
        await SearchUntilCountAsync($"q={word}", 1);

        var data = await SearchAsync($"q={Uri.EscapeDataString(string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, word))}");

        // Never a prefix (word*), fuzzy (word~), field (name:) or boolean query: the words only.
        Assert.Equal(findsTheExactWord ? [$"{word} gadget"] : [], Names(data));
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("*")]
    [InlineData("(")]
    [InlineData("- ~ ^ :")]
    public async Task Text_of_nothing_but_syntax_answers_an_empty_result(string text)
    {
        var data = await SearchAsync($"q={Uri.EscapeDataString(text)}");

        Assert.Equal(text, data.GetProperty("query").GetString());
        Assert.Equal(0, data.GetProperty("totalCount").GetInt64());
        Assert.Empty(Names(data));
        Assert.Empty(data.GetProperty("facets").GetProperty("categories").EnumerateArray());
    }

    [Fact]
    public async Task A_renamed_category_shows_its_new_name_in_the_items_and_facets_of_the_next_search()
    {
        var word = NewWord();
        var category = await factory.AddCategoryAsync("Kettles");
        await factory.AddProductAsync(p => p.Name = $"{word} kettle", category.Id);
        var before = await SearchUntilCountAsync($"q={word}", 1);
        Assert.Equal("Kettles", before.GetProperty("items")[0].GetProperty("category").GetProperty("name").GetString());
        Assert.Equal("Kettles", before.GetProperty("facets").GetProperty("categories")[0].GetProperty("name").GetString());

        // The category names come from the cached tree, which a category write evicts at once.
        var admin = await Tokens.AdminAsync(_client);
        using (var renamed = await _client.SendAsync(HttpMethod.Put, $"/api/v1/categories/{category.Id}", admin, new { name = "Tea kettles", slug = category.Slug }))
        {
            Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        }

        var after = await SearchAsync($"q={word}");
        Assert.Equal("Tea kettles", after.GetProperty("items")[0].GetProperty("category").GetProperty("name").GetString());
        var facet = Assert.Single(after.GetProperty("facets").GetProperty("categories").EnumerateArray());
        Assert.Equal(("Tea kettles", category.Slug, 1), (facet.GetProperty("name").GetString(), facet.GetProperty("slug").GetString(), facet.GetProperty("count").GetInt32()));
    }

    [Fact]
    public async Task Created_renamed_moved_sold_out_hidden_and_deleted_products_are_found_or_gone()
    {
        var admin = await Tokens.AdminAsync(_client);
        var (word, renamed) = (NewWord(), NewWord());
        var lamps = await factory.AddCategoryAsync("Lamps");
        var lights = await factory.AddCategoryAsync("Lights");

        using var created = await _client.SendAsync(HttpMethod.Post, "/api/v1/products", admin, new
        {
            name = $"{word} desk lamp", slug = word, description = "A lamp for the desk.", price = 20m, sku = "LAMP-" + Guid.NewGuid().ToString("N")[..10],
            categoryId = lamps.Id, stock = 1, tags = new[] { "light" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadJsonAsync()).GetProperty("data").GetProperty("id").GetGuid();
        var found = await SearchUntilCountAsync($"q={word}", 1);
        Assert.Equal(id, found.GetProperty("items")[0].GetProperty("id").GetGuid());
        Assert.Equal(lamps.Id, found.GetProperty("facets").GetProperty("categories")[0].GetProperty("id").GetGuid());

        using (var patched = await _client.SendAsync(HttpMethod.Patch, $"/api/v1/products/{id}", admin, new { name = $"{renamed} desk lamp" }))
        {
            Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        }

        await SearchUntilCountAsync($"q={renamed}", 1);
        Assert.Equal(0, (await SearchAsync($"q={word}")).GetProperty("totalCount").GetInt64());

        using (var moved = await _client.SendAsync(HttpMethod.Patch, $"/api/v1/products/{id}", admin, new { categoryId = lights.Id }))
        {
            Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        }

        var inLights = await SearchUntilAsync($"q={renamed}", d => d.GetProperty("facets").GetProperty("categories")[0].GetProperty("id").GetGuid() == lights.Id);
        Assert.Equal([(lights.Id, 1)], inLights.GetProperty("facets").GetProperty("categories").EnumerateArray().Select(f => (f.GetProperty("id").GetGuid(), f.GetProperty("count").GetInt32())));

        // Sold out: still published, so still found, shown out of stock (as the product list does).
        using (var soldOut = await _client.SendAsync(HttpMethod.Put, $"/api/v1/products/{id}/stock", admin, new { stock = 0, reason = "sold out" }))
        {
            Assert.Equal(HttpStatusCode.OK, soldOut.StatusCode);
        }

        var outOfStock = (await SearchAsync($"q={renamed}")).GetProperty("items").EnumerateArray().Single();
        Assert.False(outOfStock.GetProperty("inStock").GetBoolean());
        Assert.Equal(0, outOfStock.GetProperty("stock").GetInt32());

        using (var hidden = await _client.SendAsync(HttpMethod.Patch, $"/api/v1/products/{id}", admin, new { available = false }))
        {
            Assert.Equal(HttpStatusCode.OK, hidden.StatusCode);
        }

        await SearchUntilCountAsync($"q={renamed}", 0);
        using (var shown = await _client.SendAsync(HttpMethod.Patch, $"/api/v1/products/{id}", admin, new { available = true }))
        {
            Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        }

        await SearchUntilCountAsync($"q={renamed}", 1);
        using (var deleted = await _client.SendAsync(HttpMethod.Delete, $"/api/v1/products/{id}", admin))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        var gone = await SearchUntilCountAsync($"q={renamed}", 0);
        Assert.Empty(gone.GetProperty("facets").GetProperty("categories").EnumerateArray());
    }
}
