using System.Globalization;

namespace Mercato.LoadDriver;

/// <summary>The server process's resident memory, read from /proc (Linux).</summary>
internal sealed record ServerMemory(double RssMb, double PeakRssMb)
{
    public static ServerMemory? Read(int? pid)
    {
        var path = $"/proc/{pid}/status";
        if (pid is null || !File.Exists(path))
        {
            return null;
        }

        double Kb(string key) => File.ReadLines(path)
            .Where(l => l.StartsWith(key, StringComparison.Ordinal))
            .Select(l => double.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture))
            .FirstOrDefault();
        return new ServerMemory(Kb("VmRSS:") / 1024, Kb("VmHWM:") / 1024);
    }
}
