using DataJoint;

namespace DataJoint.Benchmarks;

/// <summary>Connection settings for benchmarks: the test servers of scripts/db-servers.sh unless DJ_TEST_* says otherwise.</summary>
public static class BenchmarkServer
{
    public static (string Host, int Port, string User, string Password) Settings(Backend backend)
    {
        var prefix = backend == Backend.MySql ? "DJ_TEST_MYSQL" : "DJ_TEST_POSTGRES";
        var host = Environment.GetEnvironmentVariable(prefix + "_HOST") ?? "127.0.0.1";
        var port = int.TryParse(Environment.GetEnvironmentVariable(prefix + "_PORT"), out var p) ? p : (backend == Backend.MySql ? 3306 : 5432);
        var user = Environment.GetEnvironmentVariable(prefix + "_USER") ?? "datajoint";
        var password = Environment.GetEnvironmentVariable(prefix + "_PASSWORD") ?? "datajoint";
        return (host, port, user, password);
    }

    public static Instance Connect(Backend backend)
    {
        var (host, port, user, password) = Settings(backend);
        return new Instance(host, user, password, port: port, backend: backend, configure: c => c.SafeMode = false);
    }
}
