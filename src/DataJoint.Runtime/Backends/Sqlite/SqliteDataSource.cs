using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace DataJoint;

/// <summary>
/// The data source of a SQLite database: a file (write-ahead log, so readers never wait for a writer and several processes
/// can share it) or <c>:memory:</c> (a shared in-memory database private to this data source, kept alive while it exists).
/// Microsoft.Data.Sqlite pools the connections.
/// </summary>
internal sealed class SqliteDataSource : DbDataSource
{
    /// <summary>The name that opens a database in memory instead of a file.</summary>
    public const string Memory = ":memory:";

    /// <summary>Bits of a session id that number its data source (<see cref="SqliteSessionConnection"/>).</summary>
    internal const int NumberBits = 12;

    // The data sources of this process not yet disposed, by number: a session of a disposed one is gone, as a server's
    // session ends when its pool closes.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, byte> Open = new();
    private static int _sources;

    private readonly object _prepare = new();
    private readonly bool _inMemory;
    private readonly string _path;
    private volatile bool _prepared;
    private volatile bool _disposed;
    private SqliteConnection? _keepAlive;

    public SqliteDataSource(DatabaseSettings settings)
    {
        var path = PathOf(settings);
        _path = path;
        Number = Interlocked.Increment(ref _sources) & ((1 << NumberBits) - 1);
        Open[Number] = 0;
        _inMemory = path == Memory;
        BusyTimeoutMilliseconds = Math.Max(1, settings.ConnectTimeout) * 1000;
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = _inMemory ? "datajoint-" + Guid.NewGuid().ToString("N") : path,
            Mode = _inMemory ? SqliteOpenMode.Memory : SqliteOpenMode.ReadWriteCreate,
            Cache = _inMemory ? SqliteCacheMode.Shared : SqliteCacheMode.Default,
            Pooling = true,
            DefaultTimeout = Math.Max(1, settings.ConnectTimeout),
        };
        ConnectionString = builder.ConnectionString;
    }

    /// <summary>The database file of <c>database.name</c> (or <c>:memory:</c>).</summary>
    /// <exception cref="DataJointException">No file is configured.</exception>
    public static string PathOf(DatabaseSettings settings) => string.IsNullOrWhiteSpace(settings.Name)
        ? throw new DataJointException("No SQLite database is configured: pass a file path or \":memory:\" to Instance.Open(Backend.Sqlite, path), "
            + "or set database.name.")
        : settings.Name;

    public override string ConnectionString { get; }

    /// <summary>This data source's number among those of the process (wrapping after 4096).</summary>
    public int Number { get; }

    /// <summary>Whether the data source numbered <paramref name="number"/> in this process is not disposed.</summary>
    public static bool IsOpen(int number) => Open.ContainsKey(number);

    /// <summary>How long a statement waits for another connection's lock before failing (from <c>database.connect_timeout</c>).</summary>
    public int BusyTimeoutMilliseconds { get; }

    // Closed with its instance, as the servers' data sources are: no connection after that (Microsoft.Data.Sqlite alone would
    // open the file again, and an in-memory database would open empty).
    protected override DbConnection CreateDbConnection() => _disposed
        ? throw new ObjectDisposedException(nameof(SqliteDataSource), $"The SQLite database {_path} was closed with its Instance: open a new Instance to use it.")
        : new SqliteSessionConnection(this, ConnectionString);

    /// <summary>On the first connection: the journal mode and the catalog tables (and, in memory, the connection that keeps the database).</summary>
    public void PrepareOnce(SqliteConnection connection)
    {
        if (_prepared) return;
        lock (_prepare)
        {
            if (_prepared) return;
            if (_inMemory)
            {
                _keepAlive = new SqliteConnection(ConnectionString);
                _keepAlive.Open();
            }

            using var command = connection.CreateCommand();
            command.CommandText = (_inMemory ? "" : "PRAGMA journal_mode = WAL; ") + SqliteAdapter.CreateCatalog;
            command.ExecuteNonQuery();
            _prepared = true;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _disposed = true;
            Open.TryRemove(Number, out _);
            _keepAlive?.Dispose();
            // Pooled handles keep the file open (and an in-memory database alive); they belong to this data source alone.
            SqliteConnection.ClearAllPools();
        }

        base.Dispose(disposing);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        _disposed = true;
        Open.TryRemove(Number, out _);
        if (_keepAlive is not null) await _keepAlive.DisposeAsync().ConfigureAwait(false);
        _keepAlive = null;
        SqliteConnection.ClearAllPools();
        await base.DisposeAsyncCore().ConfigureAwait(false);
    }
}
