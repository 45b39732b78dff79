using System.Net.Sockets;

namespace DataJoint.Packages.Tests;

/// <summary>
/// The test servers of scripts/db-servers.sh (or DJ_TEST_{MYSQL|POSTGRES}_* pointing elsewhere), handed to the programs
/// under test as the DJ_* variables DataJoint reads. A missing server fails the test under CI and ignores it elsewhere.
/// </summary>
internal static class Servers
{
    private static bool IsCi => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    /// <summary>DJ_HOST, DJ_PORT, DJ_USER, DJ_PASS and DJ_BACKEND for <paramref name="backend"/> (mysql or postgresql).</summary>
    public static Dictionary<string, string?> RequireDjEnvironment(string backend)
    {
        var prefix = backend == "mysql" ? "DJ_TEST_MYSQL" : "DJ_TEST_POSTGRES";
        string Env(string name, string fallback) => Environment.GetEnvironmentVariable($"{prefix}_{name}") ?? fallback;
        var host = Env("HOST", "127.0.0.1");
        var port = Env("PORT", backend == "mysql" ? "3306" : "5432");
        if (!Listens(host, int.Parse(port, System.Globalization.CultureInfo.InvariantCulture)))
        {
            var message = $"No {backend} server listens on {host}:{port}. Start the test servers with `bash scripts/db-servers.sh start`, "
                + $"or point {prefix}_HOST/_PORT/_USER/_PASSWORD at one.";
            if (IsCi) Assert.Fail(message);
            Assert.Ignore(message);
        }

        return new Dictionary<string, string?>
        {
            ["DJ_HOST"] = host,
            ["DJ_PORT"] = port,
            ["DJ_USER"] = Env("USER", "datajoint"),
            ["DJ_PASS"] = Env("PASSWORD", "datajoint"),
            ["DJ_BACKEND"] = backend,
        };
    }

    private static bool Listens(string host, int port)
    {
        try
        {
            using var tcp = new TcpClient();
            return tcp.ConnectAsync(host, port).Wait(TimeSpan.FromSeconds(3));
        }
        catch (AggregateException ex) when (ex.InnerException is SocketException)
        {
            return false;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
