using System.Net;
using System.Text.Json.Nodes;
using Mercato.Platform.OpenApi;
using Mercato.Testing;

namespace Mercato.Platform.Tests.OpenApi;

/// <summary>
/// <see cref="ApiDocumentMerger"/> (what the gateway serves at <c>/openapi/v1.json</c>): the
/// modules' own documents merged are the document a process hosting all of them generates,
/// path for path and schema for schema.
/// </summary>
public sealed class ApiDocumentMergerTests(TestHostFactory factory) : IClassFixture<TestHostFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task The_modules_documents_merged_equal_the_combined_document()
    {
        var combined = await GetAsync("v1");

        var merged = ApiDocumentMerger.Merge([await GetAsync("probe"), await GetAsync("audit"), await GetAsync("tally")], "Every service routed by this gateway.");

        Assert.Empty(merged.Conflicts);
        var document = merged.Document;
        Assert.Equal("Mercato API", document["info"]!["title"]!.GetValue<string>());
        Assert.StartsWith("Every service routed by this gateway.", document["info"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        OpenApiDocuments.AssertSamePathsAndComponents(combined, document);
    }

    [Fact]
    public void A_component_two_documents_define_differently_is_reported_and_the_first_kept()
    {
        var first = JsonNode.Parse("""{"openapi":"3.1.1","paths":{"/a":{"get":{}}},"components":{"schemas":{"Thing":{"type":"string"}}}}""")!.AsObject();
        var second = JsonNode.Parse("""{"openapi":"3.1.1","paths":{"/a":{"post":{}},"/b":{"get":{}}},"components":{"schemas":{"Thing":{"type":"integer"},"Other":{}}}}""")!.AsObject();

        var merged = ApiDocumentMerger.Merge([first, second], "Both.");

        Assert.Equal(["components.schemas.Thing"], merged.Conflicts);
        Assert.Equal("string", merged.Document["components"]!["schemas"]!["Thing"]!["type"]!.GetValue<string>());
        Assert.NotNull(merged.Document["components"]!["schemas"]!["Other"]);
        Assert.Equal(["get", "post"], merged.Document["paths"]!["/a"]!.AsObject().Select(p => p.Key));
        Assert.NotNull(merged.Document["paths"]!["/b"]);
        Assert.Null(first["paths"]!["/b"]);
    }

    private async Task<JsonObject> GetAsync(string name)
    {
        using var response = await _client.GetAsync(new Uri($"/openapi/{name}.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }
}
