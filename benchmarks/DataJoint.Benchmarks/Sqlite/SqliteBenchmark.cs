using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;

namespace DataJoint.Benchmarks;

/// <summary>
/// What every SQLite benchmark shares: a fresh database file in write-ahead-log mode, an instance with a schema on it, and a
/// raw Microsoft.Data.Sqlite connection string on the same file for the baseline (foreign keys on, as DataJoint's connections
/// have them, so both do the same checks). Subclasses create their tables and data in <see cref="Prepare"/>.
/// </summary>
public abstract class SqliteBenchmark
{
    private string _folder = "";

    protected Instance Instance { get; private set; } = null!;

    protected Schema Schema { get; private set; } = null!;

    /// <summary>The connection string of the raw baseline (Microsoft.Data.Sqlite pools the connections).</summary>
    protected string Raw { get; private set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), $"djbench-sqlite-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_folder);
        var file = Path.Combine(_folder, "bench.db");
        Instance = Instance.Open(Backend.Sqlite, file, configure: c => c.SafeMode = false);
        Schema = Instance.Schema("djbench");
        Raw = new SqliteConnectionStringBuilder { DataSource = file, Pooling = true }.ConnectionString;
        using (var connection = OpenRaw())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "PRAGMA journal_mode";
            var mode = command.ExecuteScalar() as string;
            if (mode != "wal") throw new InvalidOperationException($"The benchmark database {file} is in journal mode '{mode}', not WAL.");
        }

        Prepare();
    }

    /// <summary>Declares and fills the benchmark's tables.</summary>
    protected abstract void Prepare();

    /// <summary>A raw connection on the benchmark's file, foreign keys enforced.</summary>
    protected SqliteConnection OpenRaw()
    {
        var connection = new SqliteConnection(Raw);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA foreign_keys = ON";
        command.ExecuteNonQuery();
        return connection;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Instance.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
