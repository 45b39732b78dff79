using System.Data.Common;

namespace DataJoint.Benchmarks;

/// <summary>Raw driver data sources for the baselines of the populate benchmarks (same servers as <see cref="BenchmarkServer"/>).</summary>
public static class PopulateRawSource
{
    public static DbDataSource Create(Backend backend)
    {
        var prefix = backend == Backend.MySql ? "DJ_TEST_MYSQL" : "DJ_TEST_POSTGRES";
        var host = Environment.GetEnvironmentVariable(prefix + "_HOST") ?? "127.0.0.1";
        var port = int.TryParse(Environment.GetEnvironmentVariable(prefix + "_PORT"), out var p) ? p : (backend == Backend.MySql ? 3306 : 5432);
        var user = Environment.GetEnvironmentVariable(prefix + "_USER") ?? "datajoint";
        var password = Environment.GetEnvironmentVariable(prefix + "_PASSWORD") ?? "datajoint";
        return backend == Backend.MySql
            ? new MySqlConnector.MySqlDataSource($"Server={host};Port={port};User ID={user};Password={password};AllowUserVariables=true")
            : Npgsql.NpgsqlDataSource.Create($"Host={host};Port={port};Username={user};Password={password};Database=postgres");
    }
}
