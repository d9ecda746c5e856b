using Mercato.Platform.Hosting;
using Mercato.Server;

return await MercatoHost.RunAsync(args, ServerModules.All, ServerModules.EveryProcess);

/// <summary>The entry point, public for WebApplicationFactory.</summary>
public partial class Program;
