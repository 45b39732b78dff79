using System.Data.Common;

namespace DataJoint.Benchmarks;

/// <summary>Raw driver data sources for the baselines of the benchmarks (same servers as <see cref="BenchmarkServer"/>).</summary>
public static class PopulateRawSource
{
    public static DbDataSource Create(Backend backend)
    {
        var (host, port, user, password) = BenchmarkServer.Settings(backend);
        return backend == Backend.MySql
            ? new MySqlConnector.MySqlDataSource($"Server={host};Port={port};User ID={user};Password={password};AllowUserVariables=true;AllowLoadLocalInfile=true")
            : Npgsql.NpgsqlDataSource.Create($"Host={host};Port={port};Username={user};Password={password};Database=postgres");
    }
}
