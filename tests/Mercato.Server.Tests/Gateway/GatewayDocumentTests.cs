using System.Net;
using System.Text.Json.Nodes;
using Mercato.Testing;

namespace Mercato.Server.Tests.Gateway;

/// <summary>
/// The gateway's <c>/openapi/v1.json</c> is one document merged from every routed service's own
/// document, with the same paths and schemas as the embedded server's <c>/openapi/v1.json</c>,
/// and its <c>/api/docs</c> shows it first.
/// </summary>
public sealed class GatewayDocumentTests(GatewayDocumentFixture fixture) : IClassFixture<GatewayDocumentFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_gateways_document_has_the_embedded_servers_paths_and_schemas()
    {
        var embedded = await GetDocumentAsync(fixture.Embedded);

        var viaGateway = await GetDocumentAsync(fixture.Gateway);

        Assert.Equal("Mercato API", viaGateway["info"]!["title"]!.GetValue<string>());
        Assert.Equal(embedded["openapi"]!.GetValue<string>(), viaGateway["openapi"]!.GetValue<string>());
        OpenApiDocuments.AssertSamePathsAndComponents(embedded, viaGateway);
        Assert.Equal(TagNames(embedded), TagNames(viaGateway));
    }

    [Fact]
    public async Task The_gateways_docs_page_offers_the_merged_document_first()
    {
        var docs = await fixture.Gateway.Client.GetStringAsync(new Uri("/api/docs", UriKind.Relative), Ct);

        var all = docs.IndexOf("openapi/v1.json", StringComparison.Ordinal);
        Assert.True(all >= 0, docs);
        Assert.True(all < docs.IndexOf("openapi/identity.json", StringComparison.Ordinal));
    }

    private static IEnumerable<string> TagNames(JsonObject document) =>
        (document["tags"]?.AsArray() ?? []).Select(t => t!["name"]!.GetValue<string>()).Order();

    /// <summary>
    /// The document once it is served: a service that generates its own document for the first time
    /// on a loaded machine can miss the gateway's 10 s fetch limit, and the gateway then answers 503
    /// (documented, and tested in <see cref="GatewayTests.The_merged_document_answers_503_naming_a_routed_service_that_is_down"/>) until it answers in time.
    /// </summary>
    private static async Task<JsonObject> GetDocumentAsync(MercatoProcess process)
    {
        var (status, mediaType, body) = await MercatoProcess.EventuallyAsync(
            async () =>
            {
                using var response = await process.Client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative), Ct);
                return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync(Ct));
            },
            answer => answer.StatusCode != HttpStatusCode.ServiceUnavailable,
            MercatoProcess.StartupPatience);
        Assert.True(status == HttpStatusCode.OK, $"{(int)status}: {body}");
        Assert.Equal("application/json", mediaType);
        return JsonNode.Parse(body)!.AsObject();
    }
}
