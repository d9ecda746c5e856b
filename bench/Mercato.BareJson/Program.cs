// The bare ASP.NET Core endpoint that bench/run.sh measures next to Mercato, in the same run and
// with the same load tool: Kestrel, routing and System.Text.Json, nothing else (no logging of
// requests, no middleware). Every Mercato figure in the bench table is given as a share of this one.
using Mercato.BareJson;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, BareJsonContext.Default));
var app = builder.Build();
app.MapGet("/json", () => TypedResults.Ok(new Greeting("Hello, World!")));
app.Run();
