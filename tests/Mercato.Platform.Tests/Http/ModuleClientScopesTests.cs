using Mercato.Platform.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Mercato.Platform.Tests.Http;

/// <summary>
/// <see cref="ModuleClientSetup.AddModuleClient{TClient, THttpClient, TOptions}"/> records the
/// scopes each consumer declares (<see cref="ModuleClientScopes"/>): a service's client needs them
/// while the HTTP client is the one in use, and not once the module itself is co-hosted.
/// </summary>
public sealed class ModuleClientScopesTests
{
    private const string Read = "greeter.read";
    private const string Write = "greeter.write";
    private const string Audit = "audit.write";

    [Fact]
    public void Alone_a_consumer_needs_the_scopes_it_declared()
    {
        var builder = Builder();
        AddGreeterClient(builder, Read);

        Assert.Equal([Read], ModuleClientScopes.NeededBy(builder.Services));
        var declared = Assert.Single(ModuleClientScopes.In(builder.Services));
        Assert.Equal("Greeter", declared.Module);
        Assert.True(declared.IsRemoteIn(builder.Services));
    }

    [Fact]
    public void A_second_consumer_of_the_same_client_adds_its_scopes_each_once_in_the_order_declared()
    {
        var builder = Builder();
        AddGreeterClient(builder, Read);
        AddAuditClient(builder, Audit);
        AddGreeterClient(builder, Write, Read);

        Assert.Equal([Read, Audit, Write], ModuleClientScopes.NeededBy(builder.Services));
        Assert.Single(builder.Services, d => d.ServiceType == typeof(IGreeter));
        Assert.Equal(3, ModuleClientScopes.In(builder.Services).Count());
    }

    [Fact]
    public void A_co_hosted_module_needs_no_scope_for_itself_whether_it_is_added_before_or_after_its_consumers()
    {
        var consumersFirst = Builder();
        AddGreeterClient(consumersFirst, Read);
        AddGreeterClient(consumersFirst, Write);
        AddAuditClient(consumersFirst, Audit);
        AddGreeterModule(consumersFirst);
        var moduleFirst = Builder();
        AddGreeterModule(moduleFirst);
        AddGreeterClient(moduleFirst, Read);
        AddGreeterClient(moduleFirst, Write);
        AddAuditClient(moduleFirst, Audit);

        foreach (var builder in new[] { consumersFirst, moduleFirst })
        {
            Assert.Equal([Audit], ModuleClientScopes.NeededBy(builder.Services));
            Assert.All(
                ModuleClientScopes.In(builder.Services).Where(d => d.Module == "Greeter"),
                d => Assert.False(d.IsRemoteIn(builder.Services)));
        }
    }

    [Fact]
    public void A_consumer_that_declares_no_scope_or_a_blank_one_is_refused()
    {
        Assert.Throws<ArgumentException>(() => AddGreeterClient(Builder()));
        Assert.Throws<ArgumentException>(() => AddGreeterClient(Builder(), Read, " "));
    }

    private static HostApplicationBuilder Builder() =>
        Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Production" });

    private static void AddGreeterClient(IHostApplicationBuilder builder, params string[] scopes) =>
        builder.AddModuleClient<IGreeter, GreeterHttpClient, GreeterOptions>("Greeter", "Tests.Greeter", GreeterOptions.Section, scopes);

    private static void AddAuditClient(IHostApplicationBuilder builder, params string[] scopes) =>
        builder.AddModuleClient<IAudit, AuditHttpClient, AuditOptions>("Audit", "Tests.Audit", AuditOptions.Section, scopes);

    /// <summary>What a module's own <c>Add&lt;Module&gt;</c> does: its in-process client replaces the HTTP one.</summary>
    private static void AddGreeterModule(HostApplicationBuilder builder) =>
        builder.Services.Replace(ServiceDescriptor.Scoped<IGreeter, InProcessGreeter>());

    /// <summary>A module's client interface.</summary>
    private interface IGreeter;

    /// <summary>Its HTTP implementation.</summary>
    private sealed class GreeterHttpClient(HttpClient http) : IGreeter
    {
        /// <summary>The HttpClient, unused.</summary>
        public HttpClient Http { get; } = http;
    }

    /// <summary>Its in-process implementation.</summary>
    private sealed class InProcessGreeter : IGreeter;

    /// <summary>Its options.</summary>
    private sealed class GreeterOptions() : ModuleClientOptions(Section)
    {
        /// <summary>The section.</summary>
        public const string Section = "Services:Greeter";
    }

    /// <summary>Another module's client interface.</summary>
    private interface IAudit;

    /// <summary>Its HTTP implementation.</summary>
    private sealed class AuditHttpClient(HttpClient http) : IAudit
    {
        /// <summary>The HttpClient, unused.</summary>
        public HttpClient Http { get; } = http;
    }

    /// <summary>Its options.</summary>
    private sealed class AuditOptions() : ModuleClientOptions(Section)
    {
        /// <summary>The section.</summary>
        public const string Section = "Services:Audit";
    }
}
