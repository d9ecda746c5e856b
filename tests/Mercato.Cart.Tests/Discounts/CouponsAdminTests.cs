using System.Net;
using System.Text.Json;
using Mercato.Cart.Tests.Support;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Cart.Tests.Discounts;

/// <summary>Administrators' coupons on <c>/api/v1/coupons</c> on one provider.</summary>
public abstract class CouponsAdminTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : CartFactory
{
    private const string Url = CouponFixtures.AdminUrl;
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Creating_answers_201_with_its_location_and_every_field_normalised()
    {
        var admin = await _client.AdminTokenAsync();
        var suffix = Shop.Unique();
        var categories = new[] { Guid.NewGuid(), Guid.NewGuid() };
        using var response = await _client.CallAsync(HttpMethod.Post, Url, admin, new
        {
            code = $"  summer-{suffix} ",
            description = "Summer sale",
            discountType = "PERCENTAGE",
            discountValue = 12.5m,
            minimumSubtotal = 50m,
            startsAt = "2026-06-01T00:00:00Z",
            endsAt = "2026-06-30T02:00:00+02:00",
            usageLimit = 100,
            perCustomerLimit = 2,
            categoryIds = categories,
            active = false,
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal("Coupon created successfully", body.GetProperty("message").GetString());
        var data = body.GetProperty("data");
        var id = data.GetProperty("id").GetGuid();
        Assert.Equal($"{Url}/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal($"SUMMER-{suffix}".ToUpperInvariant(), data.GetProperty("code").GetString());
        Assert.Equal("Summer sale", data.GetProperty("description").GetString());
        Assert.Equal("percentage", data.GetProperty("discountType").GetString());
        Assert.Equal(12.5m, data.GetProperty("discountValue").GetDecimal());
        Assert.Equal(50m, data.GetProperty("minimumSubtotal").GetDecimal());
        Assert.Equal("2026-06-01T00:00:00Z", data.GetProperty("startsAt").GetString());
        Assert.Equal("2026-06-30T00:00:00Z", data.GetProperty("endsAt").GetString());
        Assert.Equal(100, data.GetProperty("usageLimit").GetInt32());
        Assert.Equal(2, data.GetProperty("perCustomerLimit").GetInt32());
        Assert.Equal(0, data.GetProperty("timesRedeemed").GetInt32());
        Assert.Equal(categories, data.GetProperty("categoryIds").EnumerateArray().Select(c => c.GetGuid()));
        Assert.False(data.GetProperty("active").GetBoolean());
        Assert.EndsWith("Z", data.GetProperty("createdAt").GetString());
        Assert.EndsWith("Z", data.GetProperty("updatedAt").GetString());
        Assert.False(data.TryGetProperty("version", out _));
        Assert.False(data.TryGetProperty("isDeleted", out _));

        var stored = await factory.StoredCouponAsync(id);
        Assert.NotNull(stored);
        Assert.Equal((1L, false, 0), (stored.Version, stored.IsDeleted, stored.TimesRedeemed));
        Assert.Equal(new DateTime(2026, 6, 30, 0, 0, 0), stored.EndsAt);

        using var read = await _client.CallAsync(HttpMethod.Get, $"{Url}/{id}", admin);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(data.ToString(), (await read.ReadJsonAsync()).GetProperty("data").ToString());
    }

    [Fact]
    public async Task A_minimal_coupon_is_active_unlimited_and_for_every_category()
    {
        var admin = await _client.AdminTokenAsync();
        var data = await _client.CreateCouponAsync(admin, new { code = "min-" + Shop.Unique(), discountType = "fixed", discountValue = 5m });

        Assert.Equal("fixed", data.GetProperty("discountType").GetString());
        Assert.Equal(5m, data.GetProperty("discountValue").GetDecimal());
        Assert.True(data.GetProperty("active").GetBoolean());
        Assert.Equal(0, data.GetProperty("categoryIds").GetArrayLength());
        foreach (var empty in new[] { "description", "minimumSubtotal", "startsAt", "endsAt", "usageLimit", "perCustomerLimit" })
        {
            Assert.Equal(JsonValueKind.Null, data.GetProperty(empty).ValueKind);
        }
    }

    [Fact]
    public async Task Bad_fields_answer_400_naming_each_and_store_nothing()
    {
        var admin = await _client.AdminTokenAsync();
        var code = ("BAD-" + Shop.Unique()).ToUpperInvariant();
        var before = await factory.WithCartDbAsync(db => db.Coupons.CountAsync());
        var cases = new (Dictionary<string, object?> Body, string Field)[]
        {
            (CouponFixtures.Body(code, ("code", null)), "code"),
            (CouponFixtures.Body(code, ("code", "  ")), "code"),
            (CouponFixtures.Body(code, ("code", "bad code!")), "code"),
            (CouponFixtures.Body(code, ("code", new string('C', 41))), "code"),
            (CouponFixtures.Body(code, ("description", new string('d', 501))), "description"),
            (CouponFixtures.Body(code, ("discountType", null)), "discountType"),
            (CouponFixtures.Body(code, ("discountType", "bogof")), "discountType"),
            (CouponFixtures.Body(code, ("discountValue", null)), "discountValue"),
            (CouponFixtures.Body(code, ("discountValue", 0m)), "discountValue"),
            (CouponFixtures.Body(code, ("discountValue", 100.01m)), "discountValue"),
            (CouponFixtures.Body(code, ("discountValue", 12.345m)), "discountValue"),
            (CouponFixtures.Body(code, ("discountType", "fixed"), ("discountValue", -5m)), "discountValue"),
            (CouponFixtures.Body(code, ("discountType", "fixed"), ("discountValue", 1.001m)), "discountValue"),
            (CouponFixtures.Body(code, ("discountValue", "ten")), "discountValue"),
            (CouponFixtures.Body(code, ("minimumSubtotal", -1m)), "minimumSubtotal"),
            (CouponFixtures.Body(code, ("minimumSubtotal", 10.001m)), "minimumSubtotal"),
            (CouponFixtures.Body(code, ("startsAt", "2026-02-01T00:00:00Z"), ("endsAt", "2026-02-01T00:00:00Z")), "endsAt"),
            (CouponFixtures.Body(code, ("startsAt", "2026-02-02T00:00:00Z"), ("endsAt", "2026-02-01T00:00:00Z")), "endsAt"),
            (CouponFixtures.Body(code, ("usageLimit", 0)), "usageLimit"),
            (CouponFixtures.Body(code, ("perCustomerLimit", 0)), "perCustomerLimit"),
            (CouponFixtures.Body(code, ("categoryIds", Enumerable.Range(0, 51).Select(_ => Guid.NewGuid()).ToArray())), "categoryIds"),
            (CouponFixtures.Body(code, ("categoryIds", new[] { Guid.Parse("0193a3f0-0000-7000-8000-000000000001"), Guid.Parse("0193a3f0-0000-7000-8000-000000000001") })), "categoryIds"),
            (CouponFixtures.Body(code, ("categoryIds", new[] { Guid.NewGuid(), Guid.Empty })), "categoryIds[1]"),
            (CouponFixtures.Body(code, ("active", "yes")), "active"),
        };

        foreach (var (body, field) in cases)
        {
            using var response = await _client.CallAsync(HttpMethod.Post, Url, admin, body);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{field}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Assert.Contains(field, (await response.ReadErrorAsync()).ErrorFields());
        }

        using var badTime = await _client.CallAsync(HttpMethod.Post, Url, admin, CouponFixtures.Body(code, ("startsAt", "next tuesday")));
        Assert.Equal(HttpStatusCode.BadRequest, badTime.StatusCode);
        Assert.Equal(["INVALID_FORMAT"], (await badTime.ReadErrorAsync()).ErrorCodes());

        Assert.Equal(before, await factory.WithCartDbAsync(db => db.Coupons.CountAsync()));
    }

    [Fact]
    public async Task Every_endpoint_answers_401_without_a_token_and_403_to_a_customer()
    {
        var (_, _, customer) = await _client.RegisterCustomerAsync();
        var admin = await _client.AdminTokenAsync();
        var id = (await _client.CreateCouponAsync(admin, CouponFixtures.Body("auth-" + Shop.Unique()))).GetProperty("id").GetGuid();
        var calls = new (HttpMethod Method, string Url, object? Body)[]
        {
            (HttpMethod.Post, Url, CouponFixtures.Body("auth-" + Shop.Unique())),
            (HttpMethod.Get, Url, null),
            (HttpMethod.Get, $"{Url}/{id}", null),
            (HttpMethod.Put, $"{Url}/{id}", CouponFixtures.Body("auth-" + Shop.Unique())),
            (HttpMethod.Delete, $"{Url}/{id}", null),
        };

        foreach (var (method, url, body) in calls)
        {
            using var anonymous = await _client.CallAsync(method, url, null, body);
            Assert.True(anonymous.StatusCode == HttpStatusCode.Unauthorized, $"{method} {url}: {anonymous.StatusCode}");
            Assert.Equal(["UNAUTHORIZED"], (await anonymous.ReadErrorAsync()).ErrorCodes());
            using var forbidden = await _client.CallAsync(method, url, customer, body);
            Assert.True(forbidden.StatusCode == HttpStatusCode.Forbidden, $"{method} {url}: {forbidden.StatusCode}");
            Assert.Equal(["FORBIDDEN"], (await forbidden.ReadErrorAsync()).ErrorCodes());
        }

        var stored = await factory.StoredCouponAsync(id);
        Assert.Equal((1L, false), (stored!.Version, stored.IsDeleted));
    }

    [Fact]
    public async Task An_unknown_id_answers_404_to_read_replace_and_delete()
    {
        var admin = await _client.AdminTokenAsync();
        var unknown = Guid.NewGuid();
        foreach (var (method, body) in new (HttpMethod, object?)[]
        {
            (HttpMethod.Get, null), (HttpMethod.Put, CouponFixtures.Body("nf-" + Shop.Unique())), (HttpMethod.Delete, null),
        })
        {
            using var response = await _client.CallAsync(method, $"{Url}/{unknown}", admin, body);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method}: {response.StatusCode}");
            Assert.Equal(["NOT_FOUND"], (await response.ReadErrorAsync()).ErrorCodes());
        }

        using var badId = await _client.CallAsync(HttpMethod.Get, $"{Url}/not-an-id", admin);
        Assert.Equal(HttpStatusCode.NotFound, badId.StatusCode);
    }

    [Fact]
    public async Task A_code_taken_in_any_case_answers_409_on_create_and_replace_even_after_delete()
    {
        var admin = await _client.AdminTokenAsync();
        var code = ("dup-" + Shop.Unique()).ToUpperInvariant();
        var first = (await _client.CreateCouponAsync(admin, CouponFixtures.Body(code))).GetProperty("id").GetGuid();
        var other = (await _client.CreateCouponAsync(admin, CouponFixtures.Body(code + "-2"))).GetProperty("id").GetGuid();

        using (var again = await _client.CallAsync(HttpMethod.Post, Url, admin, CouponFixtures.Body(" " + code.ToLowerInvariant())))
        {
            await AssertTakenAsync(again);
        }

        using (var replaced = await _client.CallAsync(HttpMethod.Put, $"{Url}/{other}", admin, CouponFixtures.Body(code.ToLowerInvariant())))
        {
            await AssertTakenAsync(replaced);
        }

        Assert.Equal(code + "-2", (await factory.StoredCouponAsync(other))!.Code);
        using (var deleted = await _client.CallAsync(HttpMethod.Delete, $"{Url}/{first}", admin))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        using (var reused = await _client.CallAsync(HttpMethod.Post, Url, admin, CouponFixtures.Body(code)))
        {
            await AssertTakenAsync(reused);
        }

        Assert.Equal(1, await factory.WithCartDbAsync(db => db.Coupons.CountAsync(c => c.Code == code)));
    }

    [Fact]
    public async Task Parallel_creates_of_one_code_store_one_coupon_and_answer_409_to_the_rest()
    {
        var admin = await _client.AdminTokenAsync();
        var code = ("race-" + Shop.Unique()).ToUpperInvariant();

        var statuses = await Task.WhenAll(Enumerable.Range(0, 10).Select(async i =>
        {
            using var response = await _client.CallAsync(HttpMethod.Post, Url, admin, CouponFixtures.Body(i % 2 == 0 ? code : code.ToLowerInvariant()));
            if (response.StatusCode == HttpStatusCode.Conflict)
            {
                await AssertTakenAsync(response);
            }

            return response.StatusCode;
        }));

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(9, statuses.Count(s => s == HttpStatusCode.Conflict));
        Assert.Equal(1, await factory.WithCartDbAsync(db => db.Coupons.CountAsync(c => c.Code == code)));
    }

    [Fact]
    public async Task Replacing_resets_what_is_left_out_keeps_the_use_count_and_bumps_the_version()
    {
        var admin = await _client.AdminTokenAsync();
        var code = ("put-" + Shop.Unique()).ToUpperInvariant();
        var created = await _client.CreateCouponAsync(admin, CouponFixtures.Body(
            code, ("minimumSubtotal", 20m), ("usageLimit", 10), ("perCustomerLimit", 1), ("categoryIds", new[] { Guid.NewGuid() }), ("active", false)));
        var id = created.GetProperty("id").GetGuid();
        await factory.WithCartDbAsync(db => db.Coupons.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.TimesRedeemed, 3)));

        using var response = await _client.CallAsync(HttpMethod.Put, $"{Url}/{id}", admin, new
        {
            code = code.ToLowerInvariant() + "-new", discountType = "fixed", discountValue = 7.5m, endsAt = "2030-01-01T00:00:00Z",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var data = (await response.ReadJsonAsync()).GetProperty("data");
        Assert.Equal(code + "-NEW", data.GetProperty("code").GetString());
        Assert.Equal(("fixed", 7.5m), (data.GetProperty("discountType").GetString(), data.GetProperty("discountValue").GetDecimal()));
        Assert.Equal("2030-01-01T00:00:00Z", data.GetProperty("endsAt").GetString());
        Assert.Equal(3, data.GetProperty("timesRedeemed").GetInt32());
        Assert.True(data.GetProperty("active").GetBoolean());
        Assert.Equal(0, data.GetProperty("categoryIds").GetArrayLength());
        foreach (var reset in new[] { "description", "minimumSubtotal", "startsAt", "usageLimit", "perCustomerLimit" })
        {
            Assert.Equal(JsonValueKind.Null, data.GetProperty(reset).ValueKind);
        }

        Assert.Equal(created.GetProperty("createdAt").GetString(), data.GetProperty("createdAt").GetString());
        var stored = await factory.StoredCouponAsync(id);
        Assert.Equal((2L, 3), (stored!.Version, stored.TimesRedeemed));

        using var bad = await _client.CallAsync(HttpMethod.Put, $"{Url}/{id}", admin, CouponFixtures.Body(code, ("discountValue", 101m)));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["discountValue"], (await bad.ReadErrorAsync()).ErrorFields());
        Assert.Equal(2L, (await factory.StoredCouponAsync(id))!.Version);
    }

    [Fact]
    public async Task A_usage_limit_below_the_uses_already_counted_answers_400()
    {
        var admin = await _client.AdminTokenAsync();
        var code = ("lim-" + Shop.Unique()).ToUpperInvariant();
        var id = (await _client.CreateCouponAsync(admin, CouponFixtures.Body(code, ("usageLimit", 5)))).GetProperty("id").GetGuid();
        var checkout = await _client.CheckoutTokenAsync();
        for (var i = 0; i < 2; i++)
        {
            using var redeemed = await _client.RedeemAsync(checkout, Guid.NewGuid(), code, customerEmail: $"buyer{i}@example.com");
            Assert.Equal(HttpStatusCode.OK, redeemed.StatusCode);
        }

        using var below = await _client.CallAsync(HttpMethod.Put, $"{Url}/{id}", admin, CouponFixtures.Body(code, ("usageLimit", 1)));
        Assert.Equal(HttpStatusCode.BadRequest, below.StatusCode);
        Assert.Equal(["usageLimit"], (await below.ReadErrorAsync()).ErrorFields());
        Assert.Equal((5, 1L), ((await factory.StoredCouponAsync(id))!.UsageLimit, (await factory.StoredCouponAsync(id))!.Version));

        using var atCount = await _client.CallAsync(HttpMethod.Put, $"{Url}/{id}", admin, CouponFixtures.Body(code, ("usageLimit", 2)));
        Assert.Equal(HttpStatusCode.OK, atCount.StatusCode);
        using var exhausted = await _client.RedeemAsync(checkout, Guid.NewGuid(), code, customerEmail: "late@example.com");
        await exhausted.AssertRefusedAsync(HttpStatusCode.Conflict, "exhausted");
    }

    [Fact]
    public async Task Deleting_hides_the_coupon_switches_it_off_and_keeps_its_row()
    {
        var admin = await _client.AdminTokenAsync();
        var code = ("del-" + Shop.Unique()).ToUpperInvariant();
        var id = (await _client.CreateCouponAsync(admin, CouponFixtures.Body(code))).GetProperty("id").GetGuid();

        using (var deleted = await _client.CallAsync(HttpMethod.Delete, $"{Url}/{id}", admin))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        var stored = await factory.StoredCouponAsync(id);
        Assert.Equal((true, false, 2L), (stored!.IsDeleted, stored.Active, stored.Version));
        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Delete })
        {
            using var gone = await _client.CallAsync(method, $"{Url}/{id}", admin);
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        }

        using var replaced = await _client.CallAsync(HttpMethod.Put, $"{Url}/{id}", admin, CouponFixtures.Body(code));
        Assert.Equal(HttpStatusCode.NotFound, replaced.StatusCode);
        using var list = await _client.CallAsync(HttpMethod.Get, $"{Url}?code={code}", admin);
        Assert.Equal(0, (await list.ReadJsonAsync()).GetProperty("data").GetProperty("totalCount").GetInt64());
        using var redeem = await _client.RedeemAsync(await _client.CheckoutTokenAsync(), Guid.NewGuid(), code, customerEmail: "buyer@example.com");
        await redeem.AssertRefusedAsync(HttpStatusCode.BadRequest, "unknown");
    }

    [Fact]
    public async Task The_list_is_newest_first_paged_and_filtered_by_active_and_code()
    {
        var admin = await _client.AdminTokenAsync();
        var prefix = ("LST" + Shop.Unique()).ToUpperInvariant();
        var codes = new List<string>();
        for (var i = 1; i <= 5; i++)
        {
            factory.Clock.Advance(TimeSpan.FromMilliseconds(5));
            var code = $"{prefix}-{i}";
            await _client.CreateCouponAsync(admin, CouponFixtures.Body(code, ("active", i % 2 == 1)));
            codes.Add(code);
        }

        var deletedId = (await _client.CreateCouponAsync(admin, CouponFixtures.Body($"{prefix}-gone"))).GetProperty("id").GetGuid();
        using (var deleted = await _client.CallAsync(HttpMethod.Delete, $"{Url}/{deletedId}", admin))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        var all = await PageAsync(admin, $"code={prefix.ToLowerInvariant()}");
        Assert.Equal(5, all.GetProperty("totalCount").GetInt64());
        Assert.Equal(codes.AsEnumerable().Reverse(), Codes(all));
        Assert.Equal((1, 20, 1), (all.GetProperty("pageNumber").GetInt32(), all.GetProperty("pageSize").GetInt32(), all.GetProperty("totalPages").GetInt32()));

        var second = await PageAsync(admin, $"code={prefix}&pageNumber=2&pageSize=2");
        Assert.Equal([codes[2], codes[1]], Codes(second));
        Assert.Equal((5L, 3), (second.GetProperty("totalCount").GetInt64(), second.GetProperty("totalPages").GetInt32()));
        Assert.True(second.GetProperty("hasPreviousPage").GetBoolean());
        Assert.True(second.GetProperty("hasNextPage").GetBoolean());

        Assert.Equal([codes[3], codes[1]], Codes(await PageAsync(admin, $"code={prefix}&active=false")));
        Assert.Equal([codes[4], codes[2], codes[0]], Codes(await PageAsync(admin, $"code={prefix}&active=true")));
        Assert.Equal([codes[2]], Codes(await PageAsync(admin, $"code={prefix}-3")));
        Assert.Equal(0, (await PageAsync(admin, $"code={prefix}&pageNumber=9")).GetProperty("items").GetArrayLength());

        foreach (var (query, field) in new[]
        {
            ("pageNumber=0", "pageNumber"), ("pageSize=0", "pageSize"), ("pageSize=101", "pageSize"),
            ("code=" + new string('C', 41), "code"), ("active=maybe", "active"), ("pageNumber=one", "pageNumber"),
        })
        {
            using var bad = await _client.CallAsync(HttpMethod.Get, $"{Url}?{query}", admin);
            Assert.True(bad.StatusCode == HttpStatusCode.BadRequest, $"{query}: {bad.StatusCode}");
            Assert.Contains(field, (await bad.ReadErrorAsync()).ErrorFields());
        }
    }

    private async Task<JsonElement> PageAsync(string admin, string query)
    {
        using var response = await _client.CallAsync(HttpMethod.Get, $"{Url}?{query}", admin);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("data");
    }

    private static List<string> Codes(JsonElement page)
        => [.. page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("code").GetString()!)];

    private static async Task AssertTakenAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var error = await response.ReadErrorAsync();
        Assert.Equal(["ALREADY_EXISTS"], error.ErrorCodes());
        Assert.Equal(["code"], error.ErrorFields());
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteCouponsAdminTests(CartFactory factory) : CouponsAdminTests<CartFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresCouponsAdminTests(PostgresCartFactory factory) : CouponsAdminTests<PostgresCartFactory>(factory);
