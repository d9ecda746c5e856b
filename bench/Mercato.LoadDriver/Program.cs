using Mercato.LoadDriver;

LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return 2;
}

var result = await new LoadRun(options).RunAsync();
Console.Write(result.Format(options));
return result.Completed > 0 ? 0 : 1;
