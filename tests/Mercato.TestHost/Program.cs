using Mercato.Audit;
using Mercato.Platform.Hosting;
using Mercato.Probe;

return await MercatoHost.RunAsync(args, [ProbeModule.Descriptor, AuditModule.Descriptor]);

/// <summary>The entry point, public for WebApplicationFactory.</summary>
public partial class Program;
