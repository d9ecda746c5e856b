using System.Net;
using Mercato.Catalog.Reviews;
using Mercato.Catalog.Tests.Support;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Catalog.Tests.Reviews;

/// <summary><c>POST</c> and <c>GET /api/v1/products/{id}/reviews</c> on one provider.</summary>
public abstract class ReviewTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : CatalogFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    private static string ReviewsUrl(Guid productId) => $"/api/v1/products/{productId}/reviews";

    private static object Body(int rating = 5, string? title = "Amazing product!", string? comment = "I love this product. Highly recommended!")
        => new { rating, title, comment, orderId = "order-123" };

    [Fact]
    public async Task A_review_answers_201_in_seed_004s_shape_and_counts_in_the_products_rating()
    {
        var product = await factory.AddProductAsync();
        var (userId, token) = await Tokens.CustomerAsync(_client);

        using var response = await _client.SendAsync(HttpMethod.Post, ReviewsUrl(product.Id), token, Body(rating: 4));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.True(body.GetProperty("success").GetBoolean());
        var data = body.GetProperty("data");
        var reviewId = data.GetProperty("id").GetGuid();
        Assert.Equal(product.Id, data.GetProperty("productId").GetGuid());
        Assert.Equal(userId, data.GetProperty("userId").GetGuid());
        Assert.Equal("sho***", data.GetProperty("userName").GetString());
        Assert.Equal(4, data.GetProperty("rating").GetInt32());
        Assert.Equal("Amazing product!", data.GetProperty("title").GetString());
        Assert.Equal("I love this product. Highly recommended!", data.GetProperty("comment").GetString());
        Assert.False(data.GetProperty("verifiedPurchase").GetBoolean());
        Assert.EndsWith("Z", data.GetProperty("createdAt").GetString(), StringComparison.Ordinal);
        Assert.Equal($"{ReviewsUrl(product.Id)}/{reviewId}", response.Headers.Location?.OriginalString);

        var stored = await factory.ReviewedProductAsync(product.Id);
        Assert.Equal(1, stored.ReviewCount);
        Assert.Equal(4, stored.RatingTotal);
        Assert.Equal(4m, stored.Rating);
        Assert.Equal(product.Version + 1, stored.Version);
        var review = await factory.WithDbAsync(db => db.Reviews.AsNoTracking().SingleAsync(r => r.Id == reviewId));
        Assert.Equal(userId, review.UserId);
    }

    [Fact]
    public async Task A_review_by_a_buyer_Ordering_reported_is_a_verified_purchase()
    {
        var product = await factory.AddProductAsync();
        var (userId, token) = await Tokens.CustomerAsync(_client);
        await factory.WithDbAsync(async db =>
        {
            db.Purchases.Add(new PurchaseRecord { UserId = userId, ProductId = product.Id, RecordedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });

        using var response = await _client.SendAsync(HttpMethod.Post, ReviewsUrl(product.Id), token, Body());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("data").GetProperty("verifiedPurchase").GetBoolean());
    }

    [Theory]
    [InlineData(0, "Amazing", "Good", "rating")]
    [InlineData(6, "Amazing", "Good", "rating")]
    [InlineData(5, null, "Good", "title")]
    [InlineData(5, "   ", "Good", "title")]
    [InlineData(5, "Amazing", null, "comment")]
    [InlineData(5, "Amazing", "", "comment")]
    public async Task Bad_review_values_answer_400_naming_the_field_and_store_nothing(int rating, string? title, string? comment, string field)
    {
        var product = await factory.AddProductAsync();
        var (_, token) = await Tokens.CustomerAsync(_client);

        using var response = await _client.SendAsync(HttpMethod.Post, ReviewsUrl(product.Id), token, Body(rating, title, comment));

        await AssertRefusedAsync(response, field, product.Id);
    }

    [Fact]
    public async Task Too_long_title_and_comment_answer_400_naming_both()
    {
        var product = await factory.AddProductAsync();
        var (_, token) = await Tokens.CustomerAsync(_client);
        var body = Body(
            title: new string('t', CreateReviewRequestValidator.MaxTitleLength + 1),
            comment: new string('c', CreateReviewRequestValidator.MaxCommentLength + 1));

        using var response = await _client.SendAsync(HttpMethod.Post, ReviewsUrl(product.Id), token, body);

        await AssertRefusedAsync(response, "title", product.Id);
        using var again = await _client.SendAsync(HttpMethod.Post, ReviewsUrl(product.Id), token, body);
        Assert.Contains("comment", (await again.ReadErrorAsync()).ErrorFields());
    }

    [Fact]
    public async Task A_rating_that_is_not_a_number_answers_400()
    {
        var product = await factory.AddProductAsync();
        var (_, token) = await Tokens.CustomerAsync(_client);

        using var response = await _client.SendAsync(HttpMethod.Post, ReviewsUrl(product.Id), token, new { rating = "five", title = "T", comment = "C" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await response.ReadErrorAsync();
        Assert.Equal(0, (await factory.ReviewedProductAsync(product.Id)).ReviewCount);
    }

    [Fact]
    public async Task Anonymous_reviews_answer_401()
    {
        var product = await factory.AddProductAsync();

        using var response = await _client.SendAsync(HttpMethod.Post, ReviewsUrl(product.Id), token: null, Body());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("UNAUTHORIZED", (await response.ReadErrorAsync()).ErrorCodes());
        Assert.Equal(0, (await factory.ReviewedProductAsync(product.Id)).ReviewCount);
    }

    [Fact]
    public async Task A_second_review_by_the_same_user_answers_409_and_changes_nothing()
    {
        var product = await factory.AddProductAsync();
        var (_, token) = await Tokens.CustomerAsync(_client);
        using var first = await _client.SendAsync(HttpMethod.Post, ReviewsUrl(product.Id), token, Body(rating: 5));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        using var second = await _client.SendAsync(HttpMethod.Post, ReviewsUrl(product.Id), token, Body(rating: 1));

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(["ALREADY_EXISTS"], (await second.ReadErrorAsync()).ErrorCodes());
        var stored = await factory.ReviewedProductAsync(product.Id);
        Assert.Equal((1, 5), (stored.ReviewCount, stored.RatingTotal));
    }

    [Fact]
    public async Task The_same_user_reviewing_in_parallel_keeps_one_review()
    {
        var product = await factory.AddProductAsync();
        var (_, token) = await Tokens.CustomerAsync(_client);

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _client.SendAsync(HttpMethod.Post, ReviewsUrl(product.Id), token, Body(rating: 3))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        foreach (var response in responses)
        {
            response.Dispose();
        }

        var stored = await factory.ReviewedProductAsync(product.Id);
        Assert.Equal((1, 3), (stored.ReviewCount, stored.RatingTotal));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Reviews.CountAsync(r => r.ProductId == product.Id)));
    }

    [Fact]
    public async Task Unknown_and_deleted_products_answer_404()
    {
        var deleted = await factory.AddProductAsync(p => p.IsDeleted = true);
        var (_, token) = await Tokens.CustomerAsync(_client);

        foreach (var id in new[] { Guid.CreateVersion7(), deleted.Id })
        {
            using var post = await _client.SendAsync(HttpMethod.Post, ReviewsUrl(id), token, Body());
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
            Assert.Equal(["NOT_FOUND"], (await post.ReadErrorAsync()).ErrorCodes());
            using var get = await _client.GetAsync(ReviewsUrl(id));
            Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
            await get.ReadErrorAsync();
        }

        Assert.Equal(0, await factory.WithDbAsync(db => db.Reviews.CountAsync(r => r.ProductId == deleted.Id)));
    }

    [Fact]
    public async Task Twenty_users_reviewing_in_parallel_keep_count_and_rating_exact()
    {
        var product = await factory.AddProductAsync();
        var users = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            users.Add((await Tokens.CustomerAsync(_client)).Token);
        }

        var ratings = users.Select((_, i) => (i % 5) + 1).ToArray();
        var responses = await Task.WhenAll(users.Select((token, i) => _client.SendAsync(HttpMethod.Post, ReviewsUrl(product.Id), token, Body(rating: ratings[i]))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        foreach (var response in responses)
        {
            response.Dispose();
        }

        var stored = await factory.ReviewedProductAsync(product.Id);
        Assert.Equal(20, stored.ReviewCount);
        Assert.Equal(ratings.Sum(), stored.RatingTotal);
        Assert.Equal(Math.Round(ratings.Sum() / 20m, 2), stored.Rating);
        Assert.Equal(product.Version + 20, stored.Version);
        Assert.Equal(ratings.Sum(), await factory.WithDbAsync(db => db.Reviews.Where(r => r.ProductId == product.Id).SumAsync(r => r.Rating)));
    }

    [Fact]
    public async Task Reviews_list_newest_first_in_seed_pages_for_anyone()
    {
        var product = await factory.AddProductAsync();
        var titles = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var (_, token) = await Tokens.CustomerAsync(_client);
            using var created = await _client.SendAsync(HttpMethod.Post, ReviewsUrl(product.Id), token, Body(title: $"Review {i}"));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            titles.Add($"Review {i}");
        }

        using var page2 = await _client.GetAsync($"{ReviewsUrl(product.Id)}?pageNumber=2&pageSize=2");

        Assert.Equal(HttpStatusCode.OK, page2.StatusCode);
        var data = (await page2.ReadJsonAsync()).GetProperty("data");
        Assert.Equal(["Review 2", "Review 1"], data.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("title").GetString()!).ToArray());
        Assert.Equal(2, data.GetProperty("pageNumber").GetInt32());
        Assert.Equal(2, data.GetProperty("pageSize").GetInt32());
        Assert.Equal(3, data.GetProperty("totalPages").GetInt32());
        Assert.Equal(5, data.GetProperty("totalCount").GetInt64());
        Assert.True(data.GetProperty("hasPreviousPage").GetBoolean());
        Assert.True(data.GetProperty("hasNextPage").GetBoolean());

        using var all = await _client.GetAsync(ReviewsUrl(product.Id));
        var first = (await all.ReadJsonAsync()).GetProperty("data").GetProperty("items")[0];
        Assert.Equal("Review 4", first.GetProperty("title").GetString());
        Assert.Equal("sho***", first.GetProperty("userName").GetString());

        using var past = await _client.GetAsync($"{ReviewsUrl(product.Id)}?pageNumber=9");
        Assert.Equal(0, (await past.ReadJsonAsync()).GetProperty("data").GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("pageNumber=0", "pageNumber")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=101", "pageSize")]
    public async Task Bad_review_pages_answer_400_naming_the_field(string query, string field)
    {
        var product = await factory.AddProductAsync();

        using var response = await _client.GetAsync($"{ReviewsUrl(product.Id)}?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([field], (await response.ReadErrorAsync()).ErrorFields());
    }

    private async Task AssertRefusedAsync(HttpResponseMessage response, string field, Guid productId)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.ReadErrorAsync();
        Assert.Contains("VALIDATION_ERROR", error.ErrorCodes());
        Assert.Contains(field, error.ErrorFields());
        Assert.Equal(0, (await factory.ReviewedProductAsync(productId)).ReviewCount);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Reviews.CountAsync(r => r.ProductId == productId)));
    }
}

/// <summary>Reviews on SQLite.</summary>
public sealed class SqliteReviewTests(CatalogFactory factory) : ReviewTests<CatalogFactory>(factory);

/// <summary>Reviews on PostgreSQL.</summary>
public sealed class PostgresReviewTests(PostgresCatalogFactory factory) : ReviewTests<PostgresCatalogFactory>(factory);
