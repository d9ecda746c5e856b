namespace Mercato.Platform.Hosting;

/// <summary>What the executable was asked to do.</summary>
public enum ServerCommand
{
    /// <summary>Serve HTTP until stopped (the default).</summary>
    Run,

    /// <summary>Apply database migrations for the selected modules, then exit.</summary>
    Migrate,

    /// <summary>Print the client id and scopes each service needs in distributed mode, then exit (<see cref="ServiceClientsCommand"/>).</summary>
    ServiceClients,

    /// <summary>Print what the executable does and its commands, then exit (<see cref="HelpCommand"/>).</summary>
    Help,
}
