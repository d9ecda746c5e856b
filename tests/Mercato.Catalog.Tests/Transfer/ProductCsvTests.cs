using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Mercato.Catalog.Stock;
using Mercato.Catalog.Tests.Support;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Catalog.Tests.Transfer;

/// <summary>Products as CSV: <c>GET /api/v1/catalog/products/export</c> and <c>POST /api/v1/catalog/products/import</c>, on one provider.</summary>
public abstract class ProductCsvTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : CatalogFactory
{
    private const string ExportUrl = "/api/v1/catalog/products/export";
    private const string ImportUrl = "/api/v1/catalog/products/import";
    private const string Header = "sku,name,slug,description,price,compareAtPrice,category,stock,available,tags";
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Export_streams_every_product_with_its_category_slug_and_stock_on_hand_and_leaves_removed_ones_out()
    {
        var admin = await Tokens.AdminAsync(_client);
        var suffix = CatalogAdminApi.Unique();
        var categoryId = await _client.CreateCategoryAsync(admin, "Lamps " + suffix, slug: "lamps-" + suffix);
        var lamp = await factory.InsertProductAsync(categoryId, 19.5m, configure: p =>
        {
            p.Description = "Bright, \"warm\" light\nfor desks";
            p.CompareAtPrice = 25m;
            p.Tags = ["desk", "light"];
            p.OnHand = 7;
            p.Reserved = 2;
        });
        var hidden = await factory.InsertProductAsync(categoryId, available: false);
        var removed = await factory.InsertProductAsync(categoryId, deleted: true);

        using var response = await _client.SendAsync(HttpMethod.Get, ExportUrl, admin);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        var text = await response.Content.ReadAsStringAsync();
        Assert.StartsWith(Header + "\r\n", text, StringComparison.Ordinal);
        Assert.Contains(
            $"{lamp.Sku},{lamp.Name},{lamp.Slug},\"Bright, \"\"warm\"\" light\nfor desks\",19.50,25.00,lamps-{suffix},7,true,desk|light\r\n",
            text,
            StringComparison.Ordinal);
        Assert.Contains($"{hidden.Sku},{hidden.Name},{hidden.Slug},A product made by a test,10.00,,lamps-{suffix},5,false,\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain(removed.Sku, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_creates_the_good_rows_with_their_stock_and_reports_each_bad_row_by_line()
    {
        var admin = await Tokens.AdminAsync(_client);
        var suffix = CatalogAdminApi.Unique();
        var categoryId = await _client.CreateCategoryAsync(admin, "Mugs " + suffix, slug: "mugs-" + suffix);
        var taken = await factory.InsertProductAsync(categoryId);
        var csv = new StringBuilder(Header + "\n");
        csv.Append($"MUG-A-{suffix},Mug A {suffix},,\"A mug, blue\",12.00,15.00,mugs-{suffix},30,true,kitchen|blue\n"); // line 2
        csv.Append($"MUG-B-{suffix},Mug B {suffix},,A mug,-3,,mugs-{suffix},1,,\n");                                  // line 3: negative price
        csv.Append($"MUG-C-{suffix},Mug C {suffix},,A mug,abc,,mugs-{suffix},1,,\n");                                 // line 4: not a number
        csv.Append($"MUG-D-{suffix},Mug D {suffix},,A mug,5,,no-such-{suffix},1,,\n");                               // line 5: unknown category
        csv.Append($"MUG-A-{suffix},Mug A again {suffix},,A mug,5,,mugs-{suffix},1,,\n");                            // line 6: SKU repeated
        csv.Append($"MUG-E-{suffix},Mug E {suffix},{taken.Slug},A mug,5,,{categoryId},1,false,\n");                   // line 7: slug taken
        csv.Append($"MUG-F-{suffix},Mug F {suffix},,A mug,5,,{categoryId},2,false,\n");                               // line 8: by category id, unpublished

        using var response = await ImportAsync(admin, csv.ToString(), multipart: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var data = (await response.ReadJsonAsync()).GetProperty("data");
        Assert.Equal((7, 2, 0, 5), (data.GetProperty("rows").GetInt32(), data.GetProperty("created").GetInt32(), data.GetProperty("updated").GetInt32(), data.GetProperty("failed").GetInt32()));
        var errors = data.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("line").GetInt32(), e.GetProperty("field").GetString(), e.GetProperty("message").GetString()!))
            .ToList();
        Assert.Equal([3, 4, 5, 6, 7], errors.Select(e => e.Item1));
        Assert.Equal(["price", "price", "category", "sku", "slug"], errors.Select(e => e.Item2));
        Assert.Contains("greater than", errors[0].Item3, StringComparison.Ordinal);
        Assert.Contains("line 2", errors[3].Item3, StringComparison.Ordinal);

        var stored = await factory.WithCatalogDbAsync(db => db.Products.AsNoTracking().Where(p => p.Sku.EndsWith(suffix.ToUpperInvariant())).OrderBy(p => p.Sku).ToListAsync());
        Assert.Equal([$"MUG-A-{suffix}".ToUpperInvariant(), $"MUG-F-{suffix}".ToUpperInvariant()], stored.Select(p => p.Sku));
        var mug = stored[0];
        Assert.Equal((12m, 15m, 30, true, $"mug-a-{suffix}"), (mug.Price, mug.CompareAtPrice, mug.OnHand, mug.Available, mug.Slug));
        Assert.Equal(["blue", "kitchen"], mug.Tags.Order());
        Assert.False(stored[1].Available);
        var initial = await factory.WithCatalogDbAsync(db => db.StockLedger.SingleAsync(l => l.ProductId == mug.Id));
        Assert.Equal((StockChangeKind.Initial, 30), (initial.Kind, initial.OnHandAfter));
        Assert.Single(await factory.ProductEventsAsync("catalog.product-created.v1", mug.Id));
    }

    [Fact]
    public async Task Importing_an_exported_row_changed_updates_the_product_by_sku_and_sets_its_stock_through_the_ledger()
    {
        var admin = await Tokens.AdminAsync(_client);
        var suffix = CatalogAdminApi.Unique();
        var categoryId = await _client.CreateCategoryAsync(admin, "Pens " + suffix, slug: "pens-" + suffix);
        var pen = await factory.InsertProductAsync(categoryId, 4m, configure: p => p.CompareAtPrice = 6m);

        using var response = await ImportAsync(admin, $"{Header}\r\n{pen.Sku.ToLowerInvariant()},Better pen,,Writes well,3.50,,pens-{suffix},12,true,office\r\n", multipart: false);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var data = (await response.ReadJsonAsync()).GetProperty("data");
        Assert.Equal((1, 0, 1, 0), (data.GetProperty("rows").GetInt32(), data.GetProperty("created").GetInt32(), data.GetProperty("updated").GetInt32(), data.GetProperty("failed").GetInt32()));
        var stored = await factory.StoredProductAsync(pen.Id);
        Assert.Equal(("Better pen", 3.5m, (decimal?)null, 12, pen.Slug), (stored!.Name, stored.Price, stored.CompareAtPrice, stored.OnHand, stored.Slug));
        var set = await factory.WithCatalogDbAsync(db => db.StockLedger.SingleAsync(l => l.ProductId == pen.Id));
        Assert.Equal((StockChangeKind.Set, 7, "Stock set by a CSV import"), (set.Kind, set.OnHandChange, set.Reason));
        Assert.Single(await factory.ProductEventsAsync("catalog.product-updated.v1", pen.Id));
    }

    [Fact]
    public async Task A_file_without_the_required_columns_or_with_an_open_quote_is_refused_whole()
    {
        var admin = await Tokens.AdminAsync(_client);
        using var noColumns = await ImportAsync(admin, "sku,name\nX-1,Thing\n", multipart: true);
        await noColumns.ExpectAsync(HttpStatusCode.BadRequest);
        var error = (await noColumns.ReadJsonAsync()).GetProperty("errors")[0];
        Assert.Equal("file", error.GetProperty("field").GetString());
        Assert.Contains("description, price, category", error.GetProperty("message").GetString(), StringComparison.Ordinal);

        using var openQuote = await ImportAsync(admin, Header + "\nX-2,\"Thing,,d,1,,c,1,,\n", multipart: false);
        await openQuote.ExpectAsync(HttpStatusCode.BadRequest);

        using var empty = await ImportAsync(admin, string.Empty, multipart: false);
        await empty.ExpectAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Only_administrators_export_or_import()
    {
        var (_, customer) = await Tokens.CustomerAsync(_client);
        using var anonymousExport = await _client.SendAsync(HttpMethod.Get, ExportUrl, null);
        using var customerExport = await _client.SendAsync(HttpMethod.Get, ExportUrl, customer);
        using var anonymousImport = await ImportAsync(null, Header + "\n", multipart: false);
        using var customerImport = await ImportAsync(customer, Header + "\n", multipart: true);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymousExport.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, customerExport.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousImport.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, customerImport.StatusCode);
    }

    private Task<HttpResponseMessage> ImportAsync(string? token, string csv, bool multipart)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, ImportUrl);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var file = new StringContent(csv, Encoding.UTF8, "text/csv");
        if (multipart)
        {
            request.Content = new MultipartFormDataContent { { file, "file", "products.csv" } };
        }
        else
        {
            request.Content = file;
        }

        return _client.SendAsync(request);
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteProductCsvTests(CatalogFactory factory) : ProductCsvTests<CatalogFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresProductCsvTests(PostgresCatalogFactory factory) : ProductCsvTests<PostgresCatalogFactory>(factory);
