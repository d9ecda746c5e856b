using System.Security.Claims;
using System.Text;
using Mercato.Catalog.Data;
using Mercato.Catalog.Stock;
using Mercato.Platform.Auth;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Mercato.Platform.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Catalog.Transfer;

/// <summary>
/// Products as CSV (Admin): <c>GET /api/v1/catalog/products/export</c> streams every product (see
/// <see cref="ProductCsvColumns"/>), <c>POST /api/v1/catalog/products/import</c> reads the same
/// columns (a <c>text/csv</c> body or a <c>multipart/form-data</c> file) and answers the rows
/// written and each refused row with its line number.
/// </summary>
internal static class ProductCsvApi
{
    /// <summary>The largest file an import reads.</summary>
    public const int MaxBytes = 10 * 1024 * 1024;

    /// <summary>The most data rows one import takes.</summary>
    public const int MaxRows = 10_000;

    /// <summary>Maps the export and import endpoints.</summary>
    public static IEndpointRouteBuilder MapProductCsvApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.ModuleGroup(CatalogModule.Descriptor)
            .MapGroup("/api/v1/catalog/products")
            .WithTags("Products")
            .RequireAuthorization(MercatoPolicies.Admin);
        group.MapGet("/export", Export).WithName("ExportProducts")
            .WithSummary("Every product (published or not, removed ones left out) as CSV, ordered by SKU (Admin)")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        group.MapPost("/import", ImportAsync).WithName("ImportProducts")
            .WithSummary("Creates or changes (matched by SKU) the products of a CSV file; answers each refused row with its line number (Admin)")
            .Accepts<string>("text/csv", "multipart/form-data");
        return endpoints;
    }

    private static PushStreamHttpResult Export(CatalogDbContext db, TimeProvider time) =>
        TypedResults.Stream(
            async stream =>
            {
                var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Slug);
                await using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                await writer.WriteAsync(Csv.Line(ProductCsvColumns.All));
                var products = db.Products.AsNoTracking().Where(p => !p.IsDeleted).OrderBy(p => p.Sku).AsAsyncEnumerable();
                await foreach (var p in products)
                {
                    await writer.WriteAsync(Csv.Line(
                    [
                        p.Sku,
                        p.Name,
                        p.Slug,
                        p.Description,
                        p.Price.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
                        p.CompareAtPrice?.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
                        categories.GetValueOrDefault(p.CategoryId),
                        p.OnHand.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        p.Available ? "true" : "false",
                        string.Join(ProductCsvColumns.TagSeparator, p.Tags),
                    ]));
                }
            },
            "text/csv; charset=utf-8",
            $"products-{time.GetUtcNow():yyyyMMdd-HHmmss}.csv");

    private static async Task<Results<Ok<ApiResponse<ProductImportResponse>>, ApiErrorResult>> ImportAsync(
        HttpRequest request, ClaimsPrincipal principal, CatalogDbContext db, StockService stock, TimeProvider time, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
        {
            return TooLarge();
        }

        string? text;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            var file = form.Files.GetFile("file") ?? (form.Files.Count > 0 ? form.Files[0] : null);
            if (file is null)
            {
                return ApiResults.BadRequest("file", "Attach the CSV file as the form's 'file' field.");
            }

            if (file.Length > MaxBytes)
            {
                return TooLarge();
            }

            await using var content = file.OpenReadStream();
            text = await ReadTextAsync(content, cancellationToken);
        }
        else
        {
            text = await ReadTextAsync(request.Body, cancellationToken);
        }

        if (text is null)
        {
            return TooLarge();
        }

        List<CsvRecord> records;
        try
        {
            records = [.. Csv.Read(text)];
        }
        catch (FormatException e)
        {
            return ApiResults.BadRequest("file", e.Message);
        }

        if (records.Count == 0)
        {
            return ApiResults.BadRequest("file", $"The file is empty; its first line must name the columns: {string.Join(',', ProductCsvColumns.All)}");
        }

        if (records.Count - 1 > MaxRows)
        {
            return ApiResults.BadRequest("file", $"The file has {records.Count - 1} rows; import at most {MaxRows} at once");
        }

        var reader = new ProductCsvReader(records[0].Cells, await db.Categories.AsNoTracking().ToListAsync(cancellationToken));
        if (reader.MissingColumns.Count > 0)
        {
            return ApiResults.BadRequest("file", $"The header lacks the column(s) {string.Join(", ", reader.MissingColumns)}; it must name: {string.Join(',', ProductCsvColumns.All)}");
        }

        var rows = records.Skip(1).Select(reader.Read).ToList();
        try
        {
            var result = await new ProductImporter(db, stock, time).ImportAsync(rows, StockActor.Of(principal), cancellationToken);
            return ApiResults.Ok(result, $"{result.Created} product(s) created, {result.Updated} changed, {result.Failed} row(s) refused");
        }
        catch (DbUpdateException)
        {
            return ApiResults.Conflict(ErrorCodes.Conflict, "Products were changed by someone else during the import; nothing was imported, import the file again");
        }
    }

    /// <summary>The text of <paramref name="stream"/> as UTF-8, or null when it is larger than <see cref="MaxBytes"/>.</summary>
    private static async Task<string?> ReadTextAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static ApiErrorResult TooLarge() =>
        ApiResults.Error(StatusCodes.Status413PayloadTooLarge, ErrorCodes.ValidationError, $"The file is larger than {MaxBytes / (1024 * 1024)} MB; split it", "file");
}
