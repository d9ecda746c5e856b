using System.Net;
using System.Net.Sockets;

namespace Mercato.Testing;

/// <summary>
/// Finds free loopback ports for the servers a test starts. They come from 20000-32767, below
/// Linux's ephemeral range (32768+, where the kernel picks the source ports of outgoing
/// connections and the ports of binds to port 0), as <c>scripts/lib/infra.sh</c>'s do: a port
/// taken from that range could become some connection's source port before the server binds it,
/// which failed a deployment's start with "address already in use" under the test command's load.
/// A port is never handed out twice by one test process.
/// </summary>
public static class FreePort
{
    private const int First = 20000;
    private const int Last = 32767;
    private static readonly HashSet<int> Issued = [];

    /// <summary>A port that was free a moment ago on 127.0.0.1 and that this process has not handed out before.</summary>
    /// <exception cref="InvalidOperationException">No free port was found in 1,000 tries.</exception>
    public static int Next()
    {
        lock (Issued)
        {
            for (var attempt = 0; attempt < 1_000; attempt++)
            {
                var port = Random.Shared.Next(First, Last + 1);
                if (Issued.Contains(port) || !IsFree(port))
                {
                    continue;
                }

                Issued.Add(port);
                return port;
            }
        }

        throw new InvalidOperationException($"No free loopback port between {First} and {Last} in 1,000 tries");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
