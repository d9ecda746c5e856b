namespace Mercato.Platform.Hosting;

/// <summary>What the executable was asked to do.</summary>
public enum ServerCommand
{
    /// <summary>Serve HTTP until stopped (the default).</summary>
    Run,

    /// <summary>Apply database migrations for the selected modules, then exit.</summary>
    Migrate,
}
