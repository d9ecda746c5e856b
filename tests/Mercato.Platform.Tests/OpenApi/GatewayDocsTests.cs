using System.Net;
using Mercato.Testing;

namespace Mercato.Platform.Tests.OpenApi;

/// <summary>
/// <c>Mercato.Server --services gateway</c> generates no document of its own: it serves one
/// document merged from the modules it routes (see the Server tests' <c>GatewayDocumentTests</c>).
/// </summary>
public sealed class GatewayDocsTests
{
    [Fact]
    public async Task Gateway_has_no_document_of_its_own_and_none_merged_when_no_routed_module_publishes_one()
    {
        await using var module = await MercatoProcess.StartAsync(RepoPaths.TestHostDll, new Dictionary<string, string?>());
        await using var gateway = await MercatoProcess.StartAsync(
            RepoPaths.ServerDll,
            new Dictionary<string, string?> { ["Services:probe:Url"] = module.Url },
            arguments: ["--services", "gateway"]);

        // Mercato.Server's gateway routes only the modules it knows; "probe" is not one, so no routed
        // service publishes a document and the merged one answers 404 in the envelope.
        var merged = await gateway.Client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, merged.StatusCode);
        Assert.Equal(["NOT_FOUND"], (await merged.ReadErrorAsync()).ErrorCodes());
        var own = await gateway.Client.GetAsync(new Uri("/openapi/gateway.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, own.StatusCode);
        Assert.Equal(["NOT_FOUND"], (await own.ReadErrorAsync()).ErrorCodes());
    }
}
