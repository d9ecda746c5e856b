using System.Net;
using System.Net.Sockets;
using Mercato.Testing;

namespace Mercato.Platform.Tests.Testing;

/// <summary>
/// The ports the tests' servers are started on: below Linux's ephemeral range (so no outgoing
/// connection can be holding one as its source port), never the same twice, and free to bind.
/// </summary>
public sealed class FreePortTests
{
    [Fact]
    public void Ports_are_distinct_below_the_ephemeral_range_and_free_to_bind()
    {
        var ports = Enumerable.Range(0, 200).Select(_ => FreePort.Next()).ToList();

        Assert.Equal(ports.Count, ports.Distinct().Count());
        Assert.All(ports, port => Assert.InRange(port, 20000, 32767));
        foreach (var port in ports.Take(20))
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
        }
    }
}
