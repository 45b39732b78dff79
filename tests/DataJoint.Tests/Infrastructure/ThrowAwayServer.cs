using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace DataJoint.Tests.Infrastructure;

/// <summary>
/// A MariaDB or PostgreSQL server of a test's own, on a free port with a data directory under /tmp, that the test may
/// stop, crash (SIGKILL) and start again; started as scripts/db-servers.sh starts the shared ones. Never the shared
/// servers. Needs root (the servers run as the mysql/postgres users) and the server binaries; without them the test
/// fails under CI and is ignored otherwise.
/// </summary>
public sealed class ThrowAwayServer : IAsyncDisposable
{
    private const string User = "datajoint";
    private const string Password = "datajoint";

    private readonly Backend _backend;
    private readonly string _dir;
    private readonly int _port;
    private readonly string _pgBin;
    private Process? _process;

    private ThrowAwayServer(Backend backend, string dir, int port, string pgBin)
    {
        _backend = backend;
        _dir = dir;
        _port = port;
        _pgBin = pgBin;
    }

    /// <summary>How tests reach it (same shape as the shared servers).</summary>
    public TestServer Server => new(_backend, "127.0.0.1", _port, User, Password);

    private string Data => Path.Combine(_dir, "data");

    private string OsUser => _backend == Backend.MySql ? "mysql" : "postgres";

    /// <summary>Creates the data directory and starts the server; fails (CI) or ignores the test when that is impossible here.</summary>
    public static async Task<ThrowAwayServer> RequireAsync(Backend backend)
    {
        var pgBin = Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
            .Where(b => File.Exists(Path.Combine(b, "initdb"))).Order().LastOrDefault() ?? "" : "";
        var missing = backend == Backend.MySql
            ? new[] { "/usr/sbin/mariadbd", "/usr/bin/mariadb-install-db", "/usr/bin/mariadb" }.FirstOrDefault(f => !File.Exists(f))
            : pgBin.Length == 0 ? "PostgreSQL's initdb" : null;
        var why = missing is not null ? $"{missing} not found (install the servers with `bash scripts/db-servers.sh start`)"
            : Environment.UserName != "root" ? "starting a throw-away server needs root (it runs as the mysql/postgres user)" : null;
        if (why is not null)
        {
            if (TestServer.IsCi) Assert.Fail($"No throw-away {backend} server: {why}.");
            Assert.Ignore($"No throw-away {backend} server: {why}.");
        }

        var dir = Path.Combine("/tmp", $"dj-throwaway-{backend}-{Guid.NewGuid():N}"[..40]);
        var server = new ThrowAwayServer(backend, dir, FreePort(), pgBin);
        try
        {
            await server.InitAsync();
            await server.StartAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task InitAsync()
    {
        Directory.CreateDirectory(Data);
        await RunAsync("chown", "-R", $"{OsUser}:{OsUser}", _dir);
        if (_backend == Backend.MySql)
        {
            await RunAsync("mariadb-install-db", "--no-defaults", "--user=mysql", $"--datadir={Data}", "--skip-test-db",
                "--auth-root-authentication-method=socket");
        }
        else
        {
            // Trust: any password is accepted; the bootstrap superuser is the test user.
            await RunAsync("setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups", "--", Path.Combine(_pgBin, "initdb"),
                "-D", Data, "-U", User, "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
        }
    }

    /// <summary>Starts the server (again) and waits until the test user can connect.</summary>
    public async Task StartAsync()
    {
        string[] command = _backend == Backend.MySql
            ?
            [
                "/usr/sbin/mariadbd", "--no-defaults", "--user=mysql", $"--datadir={Data}", $"--port={_port}", "--bind-address=127.0.0.1",
                $"--socket={_dir}/mariadb.sock", $"--pid-file={_dir}/mariadb.pid", "--skip-name-resolve", "--skip-log-bin", "--local-infile=1",
                "--innodb-buffer-pool-size=32M", "--innodb-flush-log-at-trx-commit=0", "--max-connections=300",
                "--character-set-server=utf8mb4", "--collation-server=utf8mb4_general_ci",
            ]
            :
            [
                "setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups", "--", Path.Combine(_pgBin, "postgres"), "-D", Data,
                "-c", "listen_addresses=127.0.0.1", "-c", $"port={_port}", "-c", $"unix_socket_directories={_dir}", "-c", "fsync=off",
                "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=300",
            ];
        // Its own session and process group, so a crash takes every server process down at once.
        var start = new ProcessStartInfo("setsid") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var part in command) start.ArgumentList.Add(part);
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var clock = Stopwatch.StartNew();
        var userReady = false;
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (_process.HasExited) throw new InvalidOperationException($"The throw-away {_backend} server exited at start (code {_process.ExitCode}).");
            if (_backend == Backend.MySql && !userReady)
            {
                userReady = await TryRunAsync("mariadb", "--no-defaults", $"--socket={_dir}/mariadb.sock", "-uroot", "-e",
                    $"CREATE USER IF NOT EXISTS '{User}'@'%' IDENTIFIED BY '{Password}'; GRANT ALL PRIVILEGES ON *.* TO '{User}'@'%'; "
                    + $"CREATE USER IF NOT EXISTS '{User}'@'localhost' IDENTIFIED BY '{Password}'; GRANT ALL PRIVILEGES ON *.* TO '{User}'@'localhost';");
            }

            if ((_backend != Backend.MySql || userReady) && await AcceptsAsync()) return;
            await Task.Delay(100);
        }

        throw new InvalidOperationException($"The throw-away {_backend} server on port {_port} did not accept connections within 30 s.");
    }

    private async Task<bool> AcceptsAsync()
    {
        try
        {
            using var instance = Server.NewInstance(configure: c => c.Database.ConnectTimeout = 2);
            await instance.Connection.PingAsync();
            return true;
        }
        catch (DataJointException)
        {
            return false;
        }
    }

    /// <summary>Graceful shutdown (MariaDB: SIGTERM; PostgreSQL: SIGINT, the fast shutdown that disconnects clients).</summary>
    public Task StopAsync() => SignalAsync(_backend == Backend.MySql ? "TERM" : "INT", group: false);

    /// <summary>A crash: SIGKILL to every process of the server.</summary>
    public Task CrashAsync() => SignalAsync("KILL", group: true);

    private async Task SignalAsync(string signal, bool group)
    {
        if (_process is null || _process.HasExited) return;
        await RunAsync("kill", $"-{signal}", "--", group ? $"-{_process.Id}" : $"{_process.Id}");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
        if (group)
        {
            // Children of a killed postmaster notice at once; give them a moment so the next start finds no old shared memory.
            for (var i = 0; i < 50 && await TryRunAsync("pgrep", "-g", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)); i++)
            {
                await Task.Delay(100);
            }

            File.Delete(Path.Combine(Data, "postmaster.pid"));
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await CrashAsync();
        }
        finally
        {
            _process?.Dispose();
            if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
        }
    }

    private static async Task RunAsync(string file, params string[] arguments)
    {
        var (code, output) = await ExecAsync(file, arguments);
        if (code != 0) throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({code}): {output}");
    }

    private static async Task<bool> TryRunAsync(string file, params string[] arguments) => (await ExecAsync(file, arguments)).Code == 0;

    private static async Task<(int Code, string Output)> ExecAsync(string file, string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
