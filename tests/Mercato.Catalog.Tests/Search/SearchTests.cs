using System.Net;
using System.Text.Json;
using Mercato.Catalog.Tests.Support;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Catalog.Tests.Search;

/// <summary><c>GET /api/v1/products/search</c> on one provider's full-text engine.</summary>
public abstract class SearchTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : CatalogFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    /// <summary>A made-up word no other test's product contains (letters only, so every tokenizer keeps it whole).</summary>
    private static string NewWord() => "zq" + string.Concat(Guid.NewGuid().ToString("N")[..10].Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16))));

    private async Task<JsonElement> SearchAsync(string query)
    {
        using var response = await _client.GetAsync($"/api/v1/products/search?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("data");
    }

    private static string[] Names(JsonElement data) => [.. data.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!)];

    [Fact]
    public async Task A_name_match_ranks_before_a_description_match_in_seed_004s_shape()
    {
        var word = NewWord();
        var inDescription = await factory.AddProductAsync(p => (p.Name, p.Description) = ("Plain Speaker", $"Works well with {word} gear."));
        var inName = await factory.AddProductAsync(p => (p.Name, p.Tags, p.CompareAtPrice, p.DiscountPercent) = ($"The {word} Headphones", ["audio"], 20m, 50m));

        var data = await SearchAsync($"q={word}");

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

        var hit = (await SearchAsync($"q={word}")).GetProperty("items").EnumerateArray().Single();
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

        Assert.Equal([product.Name], Names(await SearchAsync($"q={word}")));
        Assert.Equal([product.Name], Names(await SearchAsync($"q={Uri.EscapeDataString(product.Sku)}")));
    }

    [Fact]
    public async Task A_tag_matches_and_ranks_before_a_description_match()
    {
        var word = NewWord();
        await factory.AddProductAsync(p => (p.Name, p.Description) = ("Described", $"Has {word} inside."));
        await factory.AddProductAsync(p => (p.Name, p.Tags) = ("Tagged", ["wireless", word]));

        Assert.Equal(["Tagged", "Described"], Names(await SearchAsync($"q={word.ToUpperInvariant()}")));
    }

    [Fact]
    public async Task Every_word_must_match()
    {
        var (word, other) = (NewWord(), NewWord());
        await factory.AddProductAsync(p => p.Name = $"{word} {other}");
        await factory.AddProductAsync(p => p.Name = $"{word} only");

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

        var data = await SearchAsync($"q={word}&pageSize=1");

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

        var data = await SearchAsync($"q={word}");

        Assert.Equal([$"{word} shown"], Names(data));
        Assert.Equal(1, data.GetProperty("totalCount").GetInt64());
    }

    [Fact]
    public async Task The_index_follows_renames_and_removals()
    {
        var (before, after) = (NewWord(), NewWord());
        var product = await factory.AddProductAsync(p => p.Name = $"{before} lamp");

        await factory.WithDbAsync(db => db.Products.Where(p => p.Id == product.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Name, $"{after} lamp")));

        Assert.Empty(Names(await SearchAsync($"q={before}")));
        Assert.Equal([$"{after} lamp"], Names(await SearchAsync($"q={after}")));

        await factory.WithDbAsync(db => db.Products.Where(p => p.Id == product.Id).ExecuteDeleteAsync());
        Assert.Empty(Names(await SearchAsync($"q={after}")));
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
}

/// <summary>Search on SQLite FTS5.</summary>
public sealed class SqliteSearchTests(CatalogFactory factory) : SearchTests<CatalogFactory>(factory);

/// <summary>Search on PostgreSQL full-text search.</summary>
public sealed class PostgresSearchTests(PostgresCatalogFactory factory) : SearchTests<PostgresCatalogFactory>(factory);
