using System.Net.Sockets;
using DotNet.Testcontainers.Containers;
using Testcontainers.MySql;
using Testcontainers.PostgreSql;

namespace DataJoint.Tests.Infrastructure;

/// <summary>
/// Finds a live server for a backend, in this order: the DJ_TEST_{MYSQL|POSTGRES}_{HOST,PORT,USER,PASSWORD}
/// environment variables; a server already listening on localhost with the test credentials
/// (datajoint/datajoint, as scripts/db-servers.sh creates); Testcontainers when a Docker engine answers;
/// otherwise the tests fail (when CI is set) or are ignored, with instructions.
/// </summary>
public sealed record TestServer(Backend Backend, string Host, int Port, string User, string Password)
{
    private static readonly Dictionary<Backend, Lazy<Task<TestServer>>> Servers = new()
    {
        [Backend.MySql] = new(() => ResolveAsync(Backend.MySql)),
        [Backend.PostgreSql] = new(() => ResolveAsync(Backend.PostgreSql)),
        [Backend.Sqlite] = new(() => Task.FromResult(SqliteFile())),
    };

    private static readonly List<IContainer> Containers = [];

    public static bool IsCi => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    /// <summary>The server for <paramref name="backend"/>, resolved once per test run.</summary>
    public static Task<TestServer> For(Backend backend) => Servers[backend].Value;

    /// <summary>The server for <paramref name="backend"/>; without one the test fails under CI and is ignored otherwise, saying how to start one.</summary>
    public static async Task<TestServer> RequireAsync(Backend backend)
    {
        try
        {
            return await For(backend).ConfigureAwait(false);
        }
        catch (InvalidOperationException ex)
        {
            if (IsCi) Assert.Fail(ex.Message);
            Assert.Ignore(ex.Message);
            throw;
        }
    }

    public Instance NewInstance(IReadOnlyDictionary<string, object?>? overrides = null, Action<Config>? configure = null) =>
        Backend == Backend.Sqlite
            ? new(Backend, Host, overrides, configure)
            : new(Host, User, Password, port: Port, backend: Backend, overrides: overrides, configure: configure);

    /// <summary>
    /// SQLite needs no server: one database file per test run (Host is its path), shared by every instance of the run as a
    /// server would be, each test in its own schemas.
    /// </summary>
    private static TestServer SqliteFile()
    {
        var folder = Path.Combine(Path.GetTempPath(), "datajoint-tests");
        Directory.CreateDirectory(folder);
        return new TestServer(Backend.Sqlite, Path.Combine(folder, $"run-{Environment.ProcessId}-{Guid.NewGuid():N}.db"), 0, "", "");
    }

    private static string Prefix(Backend backend) => backend == Backend.MySql ? "DJ_TEST_MYSQL" : "DJ_TEST_POSTGRES";

    private static async Task<TestServer> ResolveAsync(Backend backend)
    {
        var prefix = Prefix(backend);
        var defaultPort = backend == Backend.MySql ? 3306 : 5432;
        var host = Environment.GetEnvironmentVariable(prefix + "_HOST") ?? "127.0.0.1";
        var port = int.TryParse(Environment.GetEnvironmentVariable(prefix + "_PORT"), out var p) ? p : defaultPort;
        var user = Environment.GetEnvironmentVariable(prefix + "_USER") ?? "datajoint";
        var password = Environment.GetEnvironmentVariable(prefix + "_PASSWORD") ?? "datajoint";
        var candidate = new TestServer(backend, host, port, user, password);
        if (await candidate.AcceptsAsync().ConfigureAwait(false)) return candidate;

        var container = await TryStartContainerAsync(backend).ConfigureAwait(false);
        if (container is not null) return container;

        throw new InvalidOperationException(
            $"No {backend} test server: nothing accepted {user}@{host}:{port}, and no Docker engine answered for Testcontainers. "
            + "Start local servers with `bash scripts/db-servers.sh start` (Debian; installs MariaDB and PostgreSQL), "
            + $"or point {prefix}_HOST/_PORT/_USER/_PASSWORD at a server.");
    }

    private async Task<bool> AcceptsAsync()
    {
        try
        {
            using var tcp = new TcpClient();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await tcp.ConnectAsync(Host, Port, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            return false;
        }

        try
        {
            using var instance = NewInstance();
            await instance.Connection.PingAsync().ConfigureAwait(false);
            return true;
        }
        catch (DataJointException)
        {
            return false;
        }
    }

    private static async Task<TestServer?> TryStartContainerAsync(Backend backend)
    {
        try
        {
            if (backend == Backend.MySql)
            {
                var mysql = new MySqlBuilder("mysql:8.4").WithUsername("datajoint").WithPassword("datajoint").Build();
                await mysql.StartAsync().ConfigureAwait(false);
                Containers.Add(mysql);
                return new TestServer(backend, mysql.Hostname, mysql.GetMappedPublicPort(3306), "root", "datajoint");
            }

            var pg = new PostgreSqlBuilder("postgres:15").WithUsername("datajoint").WithPassword("datajoint").Build();
            await pg.StartAsync().ConfigureAwait(false);
            Containers.Add(pg);
            return new TestServer(backend, pg.Hostname, pg.GetMappedPublicPort(5432), "datajoint", "datajoint");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // No Docker engine (DockerUnavailableException and friends): fall through to the clear failure.
            return null;
        }
    }

    public static async Task DisposeContainersAsync()
    {
        foreach (var container in Containers) await container.DisposeAsync().ConfigureAwait(false);
    }
}
