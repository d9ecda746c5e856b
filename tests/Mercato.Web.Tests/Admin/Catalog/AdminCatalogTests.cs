using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Mercato.Testing;
using Mercato.Web.Tests.Support;
using Microsoft.Playwright;

namespace Mercato.Web.Tests.Admin.Catalog;

/// <summary>
/// The administrator's catalog side of the dashboard in Chromium: categories, products, stock,
/// CSV export and import, bulk edits and coupons, each checked on the page and through the API.
/// </summary>
[Collection(nameof(SharedWebShop))]
public sealed partial class AdminCatalogTests(WebShop shop)
{
    [Fact]
    public async Task The_administrator_creates_a_category_and_a_product_with_stock_adjusts_it_exports_it_and_changes_its_price_in_bulk()
    {
        var suffix = ShopApi.Unique();
        var page = await SignedInAsync(WebShop.AdminEmail, WebShop.AdminPassword);

        await page.GotoAsync("/admin");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Orders today")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "admin-overview");
        Problems.AssertNone(page);

        // A category through its page.
        await page.GotoAsync("/admin/categories");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync($"Lanterns {suffix}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create category" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Category created.");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = $"Lanterns {suffix}" })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "admin-categories");
        Problems.AssertNone(page);

        // A product with stock through the form.
        await page.GotoAsync("/admin/products/new");
        var name = $"Storm Lantern {suffix}";
        var sku = $"LAN-{suffix}".ToUpperInvariant();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("SKU", new() { Exact = true }).FillAsync(sku);
        await page.GetByLabel("Description", new() { Exact = true }).FillAsync("A lantern that keeps burning in the wind.");
        await page.GetByLabel("Price", new() { Exact = true }).FillAsync("24.50");
        await page.GetByLabel("Compare-at price (optional)").FillAsync("29.90");
        await page.GetByLabel("Category", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = $"Lanterns {suffix}" });
        await page.GetByLabel("Units in stock").FillAsync("12");
        await page.GetByLabel("Attributes (one \"Name: Value\" a line)").FillAsync("Colour: Brass");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create product" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Product created.");
        var id = Guid.Parse(Regex.Match(page.Url, "/admin/products/([0-9a-f-]{36})").Groups[1].Value);

        var stored = await ProductAsync(id);
        Assert.Equal((name, sku, 24.50m, 29.90m, 12, true), (stored.GetProperty("name").GetString(), stored.GetProperty("sku").GetString(),
            stored.GetProperty("price").GetDecimal(), stored.GetProperty("compareAtPrice").GetDecimal(), stored.GetProperty("stock").GetInt32(),
            stored.GetProperty("available").GetBoolean()));
        Assert.Equal("Brass", stored.GetProperty("attributes")[0].GetProperty("value").GetString());
        var slug = stored.GetProperty("slug").GetString()!;
        using (var inShop = await shop.Api.GetAsync(new Uri($"/api/v1/products?search={Uri.EscapeDataString(suffix)}", UriKind.Relative)))
        {
            var listed = await WebShop.DataAsync(inShop);
            Assert.Equal(id, Assert.Single(listed.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        }

        var storefront = await page.Context.NewPageAsync();
        var shown = await storefront.GotoAsync($"/products/{slug}");
        if (shown?.Status == 200)
        {
            await Assertions.Expect(storefront.GetByRole(AriaRole.Heading, new() { Name = name })).ToBeVisibleAsync();
        }

        await storefront.CloseAsync();

        // An image by URL, made the primary one.
        await page.GetByLabel("Image URL").FillAsync($"{shop.Url}/api/v1/catalog/media/products/{sku}.svg");
        await page.GetByLabel("Description of the image").FillAsync("The lantern, lit");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add image" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Images updated.");
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "The lantern, lit" })).ToBeVisibleAsync();
        var image = (await ProductAsync(id)).GetProperty("images")[0];
        Assert.True(image.GetProperty("isPrimary").GetBoolean());
        await Screenshots.SaveAsync(page, "admin-product-edit");
        Problems.AssertNone(page);

        // Stock: an adjustment and its ledger entry.
        await page.GetByRole(AriaRole.Link, new() { Name = "Stock and ledger" }).ClickAsync();
        await page.GetByLabel("Units to add (negative to remove)").FillAsync("5");
        await page.GetByLabel("Reason").FillAsync($"Delivery {suffix}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Adjust stock" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Stock adjusted.");
        var entry = page.GetByRole(AriaRole.Row).Filter(new() { HasText = $"Delivery {suffix}" });
        await Assertions.Expect(entry).ToContainTextAsync("adjust");
        await Assertions.Expect(entry).ToContainTextAsync("+5");
        await Assertions.Expect(entry).ToContainTextAsync("17");
        Assert.Equal(17, (await ProductAsync(id)).GetProperty("stock").GetInt32());
        var ledger = await ApiDataAsync($"/api/v1/products/{id}/stock/ledger");
        Assert.Equal(("adjust", 5, $"Delivery {suffix}"), (ledger.GetProperty("items")[0].GetProperty("kind").GetString(),
            ledger.GetProperty("items")[0].GetProperty("onHandChange").GetInt32(), ledger.GetProperty("items")[0].GetProperty("reason").GetString()));
        await Screenshots.SaveAsync(page, "admin-stock");
        Problems.AssertNone(page);

        // The CSV export has the product's row.
        await page.GotoAsync("/admin/products");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Export CSV" }).ClickAsync());
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.StartsWith("sku,name,slug,description,price,compareAtPrice,category,stock,available,tags", csv, StringComparison.Ordinal);
        Assert.Contains($"{sku},{name},{slug},A lantern that keeps burning in the wind.,24.50,29.90,lanterns-{suffix},17,true,", csv, StringComparison.Ordinal);

        // Bulk price edit from the filtered list.
        await page.GetByLabel("Search", new() { Exact = true }).FillAsync(suffix);
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = name })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "admin-products");
        await page.GetByLabel($"Select {name}").CheckAsync();
        await page.GetByLabel("New price").FillAsync("19.90");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set price" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = $"{name} ({sku})" })).ToContainTextAsync("Price now 19.90");
        Assert.Equal(19.90m, (await ProductAsync(id)).GetProperty("price").GetDecimal());
        Problems.AssertNone(page);

        // Down to 3 units, the product counts among the overview's low stock (5 or fewer).
        await page.GotoAsync("/admin");
        var lowStock = page.GetByRole(AriaRole.Region, new() { Name = "Low stock" });
        var before = long.Parse(LowStockCount().Match(await lowStock.InnerTextAsync()).Groups[1].Value, CultureInfo.InvariantCulture);
        await page.GotoAsync($"/admin/products/{id}/stock");
        await page.GetByLabel("Units to add (negative to remove)").FillAsync("-14");
        await page.GetByLabel("Reason").FillAsync($"Count {suffix}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Adjust stock" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Stock adjusted.");
        await page.GotoAsync("/admin");
        await Assertions.Expect(lowStock).ToContainTextAsync($"units to sell: {before + 1}");
        Problems.AssertNone(page);

        // The category now holds a product: the API refuses its deletion and the page says why.
        var categoryId = (await ProductAsync(id)).GetProperty("category").GetProperty("id").GetGuid();
        await page.GotoAsync($"/admin/categories/{categoryId}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete category" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("still has 1 product(s)");
        using var category = await shop.Api.GetAsync(new Uri($"/api/v1/categories/{categoryId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, category.StatusCode);
    }

    [Fact]
    public async Task The_administrator_edits_unpublishes_republishes_bulk_adjusts_the_stock_of_and_deletes_a_product()
    {
        var suffix = ShopApi.Unique();
        var name = $"Brass compass {suffix}";
        var (id, slug, _) = await Storefront.StorefrontShop.CreateProductAsync(shop, await shop.AdminTokenAsync(), name, 30m, 10);
        var page = await SignedInAsync(WebShop.AdminEmail, WebShop.AdminPassword);
        var guest = await shop.NewPageAsync();

        // Edit a field through the product's form.
        await page.GotoAsync($"/admin/products/{id}");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync($"{name} (boxed)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Changes saved.");
        Assert.Equal($"{name} (boxed)", (await ProductAsync(id)).GetProperty("name").GetString());

        // Unpublished, the shop no longer shows it; published again, it does.
        await page.GetByRole(AriaRole.Button, new() { Name = "Unpublish" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("no longer shown in the shop");
        Assert.False((await ProductAsync(id)).GetProperty("available").GetBoolean());
        Assert.Equal(404, (await guest.GotoAsync($"/products/{slug}"))!.Status);
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The product is published.");
        Assert.True((await ProductAsync(id)).GetProperty("available").GetBoolean());
        Assert.Equal(200, (await guest.GotoAsync($"/products/{slug}"))!.Status);

        // Bulk stock change from the filtered list: +4 with a reason, in the ledger.
        await page.GotoAsync("/admin/products");
        await page.GetByLabel("Search", new() { Exact = true }).FillAsync(suffix);
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await page.GetByLabel($"Select {name} (boxed)").CheckAsync();
        await page.GetByLabel("Stock change (+/− units)").FillAsync("4");
        await page.GetByLabel("Reason").FillAsync($"Found {suffix}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Adjust stock" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = $"{name} (boxed)" }).First).ToContainTextAsync("On hand now 14");
        Assert.Equal(14, (await ProductAsync(id)).GetProperty("stock").GetInt32());
        var ledger = await ApiDataAsync($"/api/v1/products/{id}/stock/ledger");
        Assert.Equal((4, $"Found {suffix}"), (ledger.GetProperty("items")[0].GetProperty("onHandChange").GetInt32(), ledger.GetProperty("items")[0].GetProperty("reason").GetString()));
        Problems.AssertNone(page);

        // Deleted after the confirmation: gone from the API and the shop.
        await page.GotoAsync($"/admin/products/{id}?confirm=delete");
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete product" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Product deleted.");
        using (var gone = await shop.Api.CallAsync(HttpMethod.Get, $"/api/v1/products/{id}", await shop.AdminTokenAsync()))
        {
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        }

        Assert.Equal(404, (await guest.GotoAsync($"/products/{slug}"))!.Status);
        Problems.AssertNone(page);
    }

    [Fact]
    public async Task Importing_100_products_with_one_bad_row_imports_99_and_reports_the_bad_row_by_line()
    {
        var admin = await shop.AdminTokenAsync();
        var suffix = ShopApi.Unique();
        var categoryId = await shop.Api.CreateCategoryAsync(admin);
        var categorySlug = (await ApiDataAsync($"/api/v1/categories/{categoryId}")).GetProperty("slug").GetString();
        var csv = new StringBuilder("sku,name,description,price,category,stock\n");
        for (var i = 1; i <= 100; i++)
        {
            var price = i == 42 ? "-1.00" : (5 + i).ToString("0.00", CultureInfo.InvariantCulture);
            csv.Append(CultureInfo.InvariantCulture, $"IMP-{suffix}-{i:000},Imported {suffix} {i:000},\"Imported, row {i}\",{price},{categorySlug},{i}\n");
        }

        var page = await SignedInAsync(WebShop.AdminEmail, WebShop.AdminPassword);
        await page.GotoAsync("/admin/products/import");
        await page.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload { Name = "products.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv.ToString()) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Import report" })).ToBeVisibleAsync();
        var refused = page.GetByRole(AriaRole.Table, new() { Name = "Rows not imported" }).GetByRole(AriaRole.Row);
        await Assertions.Expect(refused).ToHaveCountAsync(2); // the header and the one bad row
        await Assertions.Expect(refused.Nth(1)).ToContainTextAsync("Line 43");
        await Assertions.Expect(refused.Nth(1)).ToContainTextAsync($"IMP-{suffix}-042".ToUpperInvariant());
        await Assertions.Expect(refused.Nth(1)).ToContainTextAsync("price");
        await Screenshots.SaveAsync(page, "admin-import-report");
        Problems.AssertNone(page);

        var imported = await ApiDataAsync($"/api/v1/products?search={Uri.EscapeDataString("Imported " + suffix)}&pageSize=100");
        Assert.Equal(99, imported.GetProperty("totalCount").GetInt64());
        Assert.DoesNotContain(imported.GetProperty("items").EnumerateArray(), p => p.GetProperty("sku").GetString()!.EndsWith("-042", StringComparison.Ordinal));
        var seventh = imported.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("sku").GetString()!.EndsWith("-007", StringComparison.Ordinal));
        Assert.Equal((12.00m, 7), (seventh.GetProperty("price").GetDecimal(), seventh.GetProperty("stock").GetInt32()));
    }

    [Fact]
    public async Task A_negative_price_or_a_duplicate_sku_shows_the_api_error_beside_the_field_and_creates_nothing()
    {
        var admin = await shop.AdminTokenAsync();
        var categoryId = await shop.Api.CreateCategoryAsync(admin);
        var existing = await ProductAsync(await shop.Api.CreateProductAsync(admin, 10m, categoryId: categoryId));
        var categoryName = (await ApiDataAsync($"/api/v1/categories/{categoryId}")).GetProperty("name").GetString()!;
        var suffix = ShopApi.Unique();
        var page = await SignedInAsync(WebShop.AdminEmail, WebShop.AdminPassword);

        async Task SubmitAsync(string sku, string price)
        {
            await page.GotoAsync("/admin/products/new");
            await page.GetByLabel("Name", new() { Exact = true }).FillAsync($"Broken {suffix}");
            await page.GetByLabel("SKU", new() { Exact = true }).FillAsync(sku);
            await page.GetByLabel("Description", new() { Exact = true }).FillAsync("Should not exist");
            await page.GetByLabel("Price", new() { Exact = true }).FillAsync(price);
            await page.GetByLabel("Category", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = categoryName });
            await page.GetByRole(AriaRole.Button, new() { Name = "Create product" }).ClickAsync();
        }

        await SubmitAsync($"BRK-{suffix}", "-5");
        await Assertions.Expect(FieldOf(page, "Price").Locator(".field-error")).ToContainTextAsync("greater than");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin/products/new$"));

        await SubmitAsync(existing.GetProperty("sku").GetString()!, "12.00");
        await Assertions.Expect(FieldOf(page, "SKU").Locator(".field-error")).ToContainTextAsync("already exists");
        Problems.AssertNone(page);

        var found = await ApiDataAsync($"/api/v1/products?search={Uri.EscapeDataString("Broken " + suffix)}");
        Assert.Equal(0, found.GetProperty("totalCount").GetInt64());
    }

    [Fact]
    public async Task Only_administrators_reach_the_catalog_pages_and_a_customer_cannot_post_the_product_form()
    {
        var anonymous = await shop.NewPageAsync();
        await anonymous.GotoAsync("/admin/products");
        await Assertions.Expect(anonymous).ToHaveURLAsync(new Regex("/account/login\\?returnUrl=%2Fadmin%2Fproducts"));
        await Assertions.Expect(anonymous.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();

        var (_, email, token) = await shop.Api.RegisterCustomerAsync();
        var customer = await SignedInAsync(email, ApiCalls.CustomerPassword);
        var answer = await customer.GotoAsync("/admin/products");
        Assert.Equal(403, answer!.Status);
        await Assertions.Expect(customer.GetByRole(AriaRole.Heading, new() { Name = "You may not open this page" })).ToBeVisibleAsync();
        await customer.GotoAsync("/admin");
        await Assertions.Expect(customer.GetByRole(AriaRole.Heading, new() { Name = "You may not open this page" })).ToBeVisibleAsync();

        // The customer's own antiforgery token (from the sign-out form) does not get the product form through.
        await customer.GotoAsync("/");
        var antiforgery = await customer.Locator("input[name=__RequestVerificationToken]").First.GetAttributeAsync("value");
        var sku = "CUST-" + ShopApi.Unique();
        var categoryId = await shop.Api.CreateCategoryAsync(await shop.AdminTokenAsync());
        var posted = await customer.APIRequest.PostAsync("/admin/products/new", new APIRequestContextOptions
        {
            Form = customer.APIRequest.CreateFormData()
                .Append("_handler", "product-new")
                .Append("__RequestVerificationToken", antiforgery!)
                .Append("Input.Name", "Customer product")
                .Append("Input.Sku", sku)
                .Append("Input.Description", "Not allowed")
                .Append("Input.Price", "5")
                .Append("Input.CategoryId", categoryId.ToString()),
        });
        Assert.Equal(403, posted.Status);
        Assert.Contains("/account/forbidden", posted.Url, StringComparison.Ordinal);

        using var direct = await shop.Api.CallAsync(HttpMethod.Post, "/api/v1/products", token, new
        {
            name = "Customer product", sku, description = "Not allowed", price = 5m, categoryId,
        });
        Assert.Equal(HttpStatusCode.Forbidden, direct.StatusCode);
        var found = await ApiDataAsync($"/api/v1/products?search={sku}");
        Assert.Equal(0, found.GetProperty("totalCount").GetInt64());
        Problems.AssertNone(anonymous);
    }

    [Fact]
    public async Task The_administrator_creates_a_coupon_and_deactivates_it()
    {
        var code = "LIGHT" + ShopApi.Unique()[..6].ToUpperInvariant();
        var page = await SignedInAsync(WebShop.AdminEmail, WebShop.AdminPassword);
        await page.GotoAsync("/admin/coupons/new");
        await page.GetByLabel("Code").FillAsync(code);
        await page.GetByLabel("Description").FillAsync("Ten off lights");
        await page.GetByLabel("Discount (percent or amount)").FillAsync("10");
        await page.GetByLabel("Minimum subtotal (optional)").FillAsync("50");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create coupon" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Coupon created.");
        var id = Guid.Parse(Regex.Match(page.Url, "/admin/coupons/([0-9a-f-]{36})").Groups[1].Value);
        var admin = await shop.AdminTokenAsync();
        var coupon = await CouponAsync(admin, id);
        Assert.Equal((code, "percentage", 10m, 50m, true), (coupon.GetProperty("code").GetString(), coupon.GetProperty("discountType").GetString(),
            coupon.GetProperty("discountValue").GetDecimal(), coupon.GetProperty("minimumSubtotal").GetDecimal(), coupon.GetProperty("active").GetBoolean()));

        // The same code again is refused beside the field.
        await page.GotoAsync("/admin/coupons/new");
        await page.GetByLabel("Code").FillAsync(code.ToLowerInvariant());
        await page.GetByLabel("Discount (percent or amount)").FillAsync("5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create coupon" }).ClickAsync();
        await Assertions.Expect(FieldOf(page, "Code").Locator(".field-error")).ToBeVisibleAsync();

        await page.GotoAsync($"/admin/coupons/{id}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Deactivate coupon" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Coupon switched off.");
        await page.GotoAsync($"/admin/coupons?code={code}");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = code })).ToContainTextAsync("Switched off");
        Assert.False((await CouponAsync(admin, id)).GetProperty("active").GetBoolean());
        await Screenshots.SaveAsync(page, "admin-coupons");
        Problems.AssertNone(page);
    }

    private static ILocator FieldOf(IPage page, string label) =>
        page.Locator(".field").Filter(new() { Has = page.GetByLabel(label, new() { Exact = true }) });

    private async Task<IPage> SignedInAsync(string email, string password)
    {
        var page = await shop.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        return page;
    }

    private async Task<JsonElement> ProductAsync(Guid id) => await ApiDataAsync($"/api/v1/products/{id}");

    private async Task<JsonElement> ApiDataAsync(string path)
    {
        using var response = await shop.Api.CallAsync(HttpMethod.Get, path, await shop.AdminTokenAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await WebShop.DataAsync(response);
    }

    private async Task<JsonElement> CouponAsync(string admin, Guid id)
    {
        using var response = await shop.Api.CallAsync(HttpMethod.Get, $"/api/v1/coupons/{id}", admin);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await WebShop.DataAsync(response);
    }

    [GeneratedRegex(@"units to sell: ([0-9]+)")]
    private static partial Regex LowStockCount();
}
