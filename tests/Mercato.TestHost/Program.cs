using Mercato.Audit;
using Mercato.Platform.Hosting;
using Mercato.Probe;
using Mercato.Tally;

return await MercatoHost.RunAsync(args, [ProbeModule.Descriptor, AuditModule.Descriptor, TallyModule.Descriptor]);

/// <summary>The entry point, public for WebApplicationFactory.</summary>
public partial class Program;
