using System.Net;
using System.Net.Sockets;

namespace TrainingPortal.Testing;

/// <summary>Hands out TCP ports on 127.0.0.1 that are free right now.</summary>
public static class FreePort
{
    private static readonly HashSet<int> HandedOut = [];
    private static readonly Lock Sync = new();

    /// <summary>
    /// Returns a port that nothing listens on, found by binding port 0 on 127.0.0.1.
    /// A port is not handed out twice by this process, so two servers started one after
    /// the other never get the same number. Another process can still take it before it
    /// is used: servers started on it retry with a new port when that happens.
    /// </summary>
    public static int Next()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Server.ExclusiveAddressUse = true;
            int port;
            try
            {
                listener.Start();
                port = ((IPEndPoint)listener.LocalEndpoint).Port;
            }
            finally
            {
                listener.Stop();
            }

            lock (Sync)
            {
                if (HandedOut.Add(port))
                {
                    return port;
                }
            }
        }

        throw new InvalidOperationException("Could not find a free TCP port on 127.0.0.1.");
    }

    /// <summary>True when something accepts TCP connections on 127.0.0.1:<paramref name="port"/>.</summary>
    public static async Task<bool> IsAcceptingAsync(int port, CancellationToken cancellationToken = default)
    {
        using var client = new TcpClient(AddressFamily.InterNetwork);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
