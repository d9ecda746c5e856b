using System.Net;
using Mercato.Testing;

namespace Mercato.Platform.Tests.OpenApi;

/// <summary>
/// <c>Mercato.Server --services gateway</c> generates no document of its own: the reference page
/// lists only the documents of the modules it routes (registered through
/// <c>AddApiReferenceDocument</c>, see <see cref="ApiReferenceTests"/>), which it proxies.
/// </summary>
public sealed class GatewayDocsTests
{
    [Fact]
    public async Task Gateway_generates_no_document_and_lists_only_routed_modules()
    {
        await using var module = await MercatoProcess.StartAsync(RepoPaths.TestHostDll, new Dictionary<string, string?>());
        await using var gateway = await MercatoProcess.StartAsync(
            RepoPaths.ServerDll,
            new Dictionary<string, string?> { ["Services:probe:Url"] = module.Url },
            arguments: ["--services", "gateway"]);

        foreach (var name in new[] { "v1", "gateway" })
        {
            var document = await gateway.Client.GetAsync(new Uri($"/openapi/{name}.json", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, document.StatusCode);
            Assert.Equal(["NOT_FOUND"], (await document.ReadErrorAsync()).ErrorCodes());
        }

        // Mercato.Server hosts no business module yet, so its gateway routes none: with no
        // document to list there is no reference page rather than one pointing at nothing.
        var docs = await gateway.Client.GetAsync(new Uri("/api/docs/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, docs.StatusCode);
        Assert.Equal(["NOT_FOUND"], (await docs.ReadErrorAsync()).ErrorCodes());
    }
}
