using System.Net;
using System.Net.Sockets;

namespace Authsome.AppHost.Tests;

/// <summary>Loopback ports free right now, for the dashboard's endpoints (fixed in the AppHost's launch profile).</summary>
internal static class FreePorts
{
    public static string Url()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return $"http://localhost:{((IPEndPoint)listener.LocalEndpoint).Port}";
    }
}
