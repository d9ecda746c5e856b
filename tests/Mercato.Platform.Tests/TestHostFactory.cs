using Mercato.Testing;

namespace Mercato.Platform.Tests;

/// <summary>The TestHost (Probe and Audit modules) in memory over private SQLite files.</summary>
public sealed class TestHostFactory : MercatoFactory<Program>;
