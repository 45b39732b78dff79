using System.Data.Common;
using System.Runtime.CompilerServices;

namespace DataJoint;

/// <summary>
/// A DataJoint connection: the settings of its <see cref="Config"/> plus a pooled driver data source.
/// Thread-safe: each operation borrows a pooled connection, except inside a <see cref="Transaction()"/>,
/// whose scope (the current async flow) runs every operation on the transaction's own connection.
/// </summary>
public sealed partial class Connection : IDisposable, IAsyncDisposable
{
    private readonly AsyncLocal<Transaction?> _transaction = new();
    private readonly AsyncLocal<HeldSession?> _held = new();
    private readonly DbDataSource _dataSource;
    private volatile bool _bulkLoadRefused;
    private long _poolCheckouts;

    internal Connection(Config config, Microsoft.Extensions.Logging.ILoggerFactory? loggerFactory = null)
    {
        Config = config;
        if (loggerFactory is not null) LoggerFactory = loggerFactory;
        Adapter = BackendAdapter.For(config.Database.Backend);
        if (Adapter.NeedsServer && string.IsNullOrEmpty(config.Database.User))
        {
            throw new DataJointException(
                $"No database user is configured for the {BackendAdapter.Describe(config.Database)}. "
                + "Pass user and password to new Instance(...), or set DJ_USER and DJ_PASS.");
        }

        _dataSource = Adapter.CreateDataSource(config.Database, LoggerFactory);
        config.Database.Bind();
    }

    /// <summary>The settings every operation on this connection reads.</summary>
    public Config Config { get; }

    /// <summary>The database server kind.</summary>
    public Backend Backend => Adapter.Backend;

    internal BackendAdapter Adapter { get; }

    /// <summary>Where the server is (backend, host, port), for messages; never includes credentials.</summary>
    public string Description => BackendAdapter.Describe(Config.Database);

    /// <summary>True while a transaction started by <see cref="Transaction()"/> is open in the current async flow.</summary>
    public bool InTransaction => _transaction.Value is { IsActive: true };

    /// <summary>
    /// Set once the server or the driver refused the backend's bulk-load protocol (MySQL <c>local_infile</c> off); later
    /// inserts on this connection write statements without asking again.
    /// </summary>
    internal bool BulkLoadRefused
    {
        get => _bulkLoadRefused;
        set => _bulkLoadRefused = value;
    }

    /// <summary>How many times a connection was taken from the pool (the round-trip tests watch it; a held session takes one for many keys).</summary>
    internal long PoolCheckouts => Interlocked.Read(ref _poolCheckouts);

    internal Transaction? CurrentTransaction => _transaction.Value is { IsActive: true } t ? t : null;

    /// <summary>The session the current async flow holds (a populate worker's), while it is usable.</summary>
    internal HeldSession? Held => _held.Value is { IsUsable: true } held ? held : null;

    /// <summary>
    /// Makes the current async flow (and the flows it starts) run its statements and transactions on
    /// <paramref name="session"/>'s connection instead of taking pooled ones; null returns to the pool. Set it in the
    /// async method whose flow should hold it: the setting ends with that method.
    /// </summary>
    internal void Hold(HeldSession? session) => _held.Value = session;

    /// <summary>
    /// Starts a transaction for the current async flow. Commit with <see cref="DataJoint.Transaction.Commit"/>;
    /// disposing without committing rolls back. Transactions do not nest.
    /// </summary>
    public Transaction Transaction()
    {
        var tx = NewTransaction();
        tx.Begin();
        return tx;
    }

    /// <summary>Asynchronous <see cref="Transaction()"/>.</summary>
    public ValueTask<Transaction> TransactionAsync(CancellationToken cancellationToken = default)
    {
        // Not an async method: the ambient transaction must be set in the caller's execution context.
        var tx = NewTransaction();
        return tx.BeginAsync(cancellationToken);
    }

    private Transaction NewTransaction()
    {
        if (InTransaction)
        {
            throw new InvalidOperationException("Nested transactions are not supported: a transaction is already open on this connection "
                + "in the current flow. Commit or dispose it first.");
        }

        var tx = new Transaction(this);
        _transaction.Value = tx;
        return tx;
    }

    /// <summary>Checks that the server answers; throws <see cref="LostConnectionException"/> or <see cref="AccessException"/> otherwise.</summary>
    public void Ping() => Execute(PingStatement, "Pinging the server");

    /// <summary>Asynchronous <see cref="Ping"/>.</summary>
    public Task PingAsync(CancellationToken cancellationToken = default) => ExecuteAsync(PingStatement, "Pinging the server", cancellationToken);

    // A round trip: a pooled connection is handed out without one, so opening alone would not notice a server gone since.
    private static readonly SqlStatement PingStatement = new("SELECT 1", []);

    /// <summary>
    /// Runs a raw SQL statement with positional parameters written as the backend's placeholders
    /// (<c>@p0</c> on MySQL, <c>$1</c> on PostgreSQL). Returns the number of affected rows.
    /// </summary>
    public int Execute(string sql, params object?[] parameters) => Execute(RawStatement(sql, parameters), "Executing SQL");

    /// <summary>Asynchronous <see cref="Execute(string, object[])"/> without parameters.</summary>
    public Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken = default) =>
        ExecuteAsync(sql, [], cancellationToken);

    /// <summary>Asynchronous <see cref="Execute(string, object[])"/>.</summary>
    public Task<int> ExecuteAsync(string sql, IReadOnlyList<object?> parameters, CancellationToken cancellationToken = default) =>
        ExecuteAsync(RawStatement(sql, parameters), "Executing SQL", cancellationToken);

    /// <summary>Runs a raw SELECT and returns its rows as dictionaries (placeholders as in <see cref="Execute(string, object[])"/>).</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, object?>> Query(string sql, params object?[] parameters) =>
        ReadAll(RawStatement(sql, parameters), "Running a query", ReadDictionary);

    /// <summary>Asynchronous <see cref="Query(string, object[])"/> without parameters.</summary>
    public Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> QueryAsync(string sql, CancellationToken cancellationToken = default) =>
        QueryAsync(sql, [], cancellationToken);

    /// <summary>Asynchronous <see cref="Query(string, object[])"/>.</summary>
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> QueryAsync(string sql, IReadOnlyList<object?> parameters,
        CancellationToken cancellationToken = default) =>
        await ReadAllAsync(RawStatement(sql, parameters), "Running a query", ReadDictionary, cancellationToken).ConfigureAwait(false);

    private SqlStatement RawStatement(string sql, IReadOnlyList<object?> parameters)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(parameters);
        return new SqlStatement(sql, parameters.Select(Adapter.ToDbValue).ToArray());
    }

    internal static IReadOnlyDictionary<string, object?> ReadDictionary(DbDataReader reader)
    {
        var row = new Dictionary<string, object?>(reader.FieldCount, StringComparer.Ordinal);
        for (var i = 0; i < reader.FieldCount; i++)
        {
            row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
        }

        return row;
    }

    /// <summary>A connection for one operation: the current transaction's, or a pooled one returned on dispose.</summary>
    internal ConnectionLease Open() => SyncOrAsync.Wait(OpenLease(sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="Open"/>.</summary>
    internal ValueTask<ConnectionLease> OpenAsync(CancellationToken cancellationToken) => OpenLease(sync: false, cancellationToken);

    private async ValueTask<ConnectionLease> OpenLease(bool sync, CancellationToken cancellationToken)
    {
        if (CurrentTransaction is { } tx)
        {
            await tx.EnsureBegun(sync, cancellationToken).ConfigureAwait(false);
            tx.Used();
            return new ConnectionLease(tx.DbConnection, null, owned: false);
        }

        if (Held is { } held) return new ConnectionLease(held.DbConnection, null, owned: false);
        return new ConnectionLease(await OpenPooled(sync, cancellationToken).ConfigureAwait(false), null, owned: true);
    }

    /// <summary>Takes a connection from the pool (opening one if none is idle); failures name the server, never credentials.</summary>
    internal async ValueTask<DbConnection> OpenPooled(bool sync, CancellationToken cancellationToken)
    {
        DbConnection? connection = null;
        try
        {
            connection = _dataSource.CreateConnection();
            if (sync) connection.Open();
            else await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref _poolCheckouts);
            return connection;
        }
        catch (DbException ex)
        {
            await DisposeQuietly(connection, sync).ConfigureAwait(false);
            throw ConnectFailure(ex);
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException or System.Net.Sockets.SocketException or IOException)
        {
            await DisposeQuietly(connection, sync).ConfigureAwait(false);
            throw new LostConnectionException($"Could not connect to the {Description}: {ex.Message}", ex);
        }
    }

    private DataJointException ConnectFailure(DbException ex)
    {
        var translated = Adapter.Translate(ex, $"Could not connect to the {Description}");
        return translated is AccessException
            ? new AccessException(translated.Message + " Check the user name and password.", ex, translated.ServerErrorCode)
            : translated is LostConnectionException ? translated
            : new LostConnectionException(translated.Message, ex, translated.ServerErrorCode);
    }

    internal DbCommand CreateCommand(ConnectionLease lease, SqlStatement statement)
    {
        var command = lease.Connection.CreateCommand();
        command.CommandText = statement.Text;
        command.Transaction = CurrentTransaction?.CommandTransaction;
        for (var i = 0; i < statement.Parameters.Count; i++)
        {
            command.Parameters.Add(Adapter.CreateParameter(i, statement.Parameters[i]));
        }

        return command;
    }

    internal int Execute(SqlStatement statement, string context) => SyncOrAsync.Wait(ExecuteCore(statement, context, sync: true, CancellationToken.None));

    internal async Task<int> ExecuteAsync(SqlStatement statement, string context, CancellationToken cancellationToken) =>
        await ExecuteCore(statement, context, sync: false, cancellationToken).ConfigureAwait(false);

    internal ValueTask<int> ExecuteCore(SqlStatement statement, string context, bool sync, CancellationToken cancellationToken) =>
        Run(statement, context, static (command, sync, token) =>
            sync ? new ValueTask<int>(command.ExecuteNonQuery()) : new ValueTask<int>(command.ExecuteNonQueryAsync(token)), sync, cancellationToken);

    internal List<T> ReadAll<T>(SqlStatement statement, string context, Func<DbDataReader, T> read) =>
        SyncOrAsync.Wait(ReadAllCore(statement, context, read, sync: true, CancellationToken.None));

    internal async Task<List<T>> ReadAllAsync<T>(SqlStatement statement, string context, Func<DbDataReader, T> read,
        CancellationToken cancellationToken) =>
        await ReadAllCore(statement, context, read, sync: false, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Reads every row with <paramref name="read"/>; with <paramref name="stored"/>, each row's stored content is loaded
    /// first, in the caller's mode, so the synchronous mapper does no store I/O.
    /// </summary>
    internal ValueTask<List<T>> ReadAllCore<T>(SqlStatement statement, string context, Func<DbDataReader, T> read, bool sync,
        CancellationToken cancellationToken, StoredColumns? stored = null)
    {
        var scoped = RowReadScope.Scoped(read, Config);
        return Run(statement, context, async (command, sync, token) =>
        {
            var reader = sync ? command.ExecuteReader() : await command.ExecuteReaderAsync(token).ConfigureAwait(false);
            try
            {
                var rows = new List<T>();
                while (sync ? reader.Read() : await reader.ReadAsync(token).ConfigureAwait(false))
                {
                    var content = stored is null ? null : await stored.Load(reader, sync, token).ConfigureAwait(false);
                    rows.Add(scoped(reader, content));
                }

                return rows;
            }
            finally
            {
                await DisposeQuietly(reader, command.Connection, sync).ConfigureAwait(false);
            }
        }, sync, cancellationToken);
    }

    /// <summary>
    /// Reads every row into a consumer made by <paramref name="start"/> and returns what it completes with; a statement run
    /// again after a lost connection starts a fresh consumer, so no row is read twice.
    /// </summary>
    internal ValueTask<TResult> ReadIntoCore<TResult>(SqlStatement statement, string context, Func<RowReader<TResult>> start, bool sync,
        CancellationToken cancellationToken) =>
        Run(statement, context, async (command, sync, token) =>
        {
            var consumer = start();
            var read = RowReadScope.Scoped<DbDataReader, bool>(reader =>
            {
                consumer.Read(reader);
                return true;
            }, Config);
            var reader = sync ? command.ExecuteReader() : await command.ExecuteReaderAsync(token).ConfigureAwait(false);
            try
            {
                // A RowReader reads what is stored (metadata, not store content): nothing is loaded.
                while (sync ? reader.Read() : await reader.ReadAsync(token).ConfigureAwait(false)) read(reader, null);
            }
            finally
            {
                await DisposeQuietly(reader, command.Connection, sync).ConfigureAwait(false);
            }

            return consumer.Complete();
        }, sync, cancellationToken);

    internal T? ReadScalar<T>(SqlStatement statement, string context) =>
        SyncOrAsync.Wait(ReadScalarCore<T>(statement, context, sync: true, CancellationToken.None));

    internal async Task<T?> ReadScalarAsync<T>(SqlStatement statement, string context, CancellationToken cancellationToken) =>
        await ReadScalarCore<T>(statement, context, sync: false, cancellationToken).ConfigureAwait(false);

    internal ValueTask<T?> ReadScalarCore<T>(SqlStatement statement, string context, bool sync, CancellationToken cancellationToken) =>
        Run(statement, context, static async (command, sync, token) =>
        {
            var value = sync ? command.ExecuteScalar() : await command.ExecuteScalarAsync(token).ConfigureAwait(false);
            return value is null or DBNull ? default : (T)Convert.ChangeType(value, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
        }, sync, cancellationToken);

    /// <summary>
    /// Streams the rows of a SELECT as they arrive. A lost connection before the first row is handled as any statement's
    /// (reconnect); one after rows were handed out is a <see cref="LostConnectionException"/>.
    /// </summary>
    internal async IAsyncEnumerable<T> StreamAsync<T>(SqlStatement statement, string context, Func<DbDataReader, T> read,
        StoredColumns? stored, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var scoped = RowReadScope.Scoped(read, Config);
        var open = await OpenStream(statement, context, sync: false, cancellationToken).ConfigureAwait(false);
        try
        {
            while (await ReadNext(open, context, sync: false, cancellationToken).ConfigureAwait(false))
            {
                var content = stored is null ? null : await stored.Load(open.Reader, sync: false, cancellationToken).ConfigureAwait(false);
                yield return scoped(open.Reader, content);
            }
        }
        finally
        {
            await open.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Runs a SELECT whose rows are read as the caller asks for them (a lost connection before the first row reconnects).</summary>
    internal ValueTask<OpenReader> OpenStream(SqlStatement statement, string context, bool sync, CancellationToken cancellationToken) =>
        Retrying((s, token) => OpenReader(statement, context, s, token), sync, cancellationToken);

    /// <summary>Moves a stream to its next row; a failure once rows were handed out is translated (a lost connection is not retried).</summary>
    internal async ValueTask<bool> ReadNext(OpenReader open, string context, bool sync, CancellationToken cancellationToken)
    {
        try
        {
            return sync ? open.Reader.Read() : await open.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsFailure(ex, open.Lease.Connection))
        {
            throw await Fail(ex, context, open.Lease.Connection, open.Transaction, firstUse: false, sync).ConfigureAwait(false);
        }
    }

    private async ValueTask<OpenReader> OpenReader(SqlStatement statement, string context, bool sync, CancellationToken cancellationToken)
    {
        var tx = CurrentTransaction;
        var firstUse = tx is null || tx.Uses == 0;
        var lease = await OpenLease(sync, cancellationToken).ConfigureAwait(false);
        DbCommand? command = null;
        try
        {
            command = CreateCommand(lease, statement);
            var reader = sync ? command.ExecuteReader() : await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return new OpenReader(this, lease, command, reader, tx);
        }
        catch (Exception ex) when (IsFailure(ex, lease.Connection))
        {
            var failure = await Fail(ex, context, lease.Connection, tx, firstUse, sync).ConfigureAwait(false);
            await DisposeQuietly(command, lease.Connection, sync).ConfigureAwait(false);
            await DisposeQuietly(lease, sync).ConfigureAwait(false);
            throw failure;
        }
    }

    /// <summary>
    /// The one body of every statement, for sync and async callers: borrow a connection, run <paramref name="body"/> on a
    /// command, translate failures; with <c>database.reconnect</c>, once more on a fresh connection when the first was dead.
    /// </summary>
    private ValueTask<T> Run<T>(SqlStatement statement, string context, Func<DbCommand, bool, CancellationToken, ValueTask<T>> body, bool sync,
        CancellationToken cancellationToken) =>
        Retrying((s, token) => RunOnce(statement, context, body, s, token), sync, cancellationToken);

    private async ValueTask<T> RunOnce<T>(SqlStatement statement, string context, Func<DbCommand, bool, CancellationToken, ValueTask<T>> body,
        bool sync, CancellationToken cancellationToken)
    {
        var tx = CurrentTransaction;
        var firstUse = tx is null || tx.Uses == 0;
        var lease = await OpenLease(sync, cancellationToken).ConfigureAwait(false);
        try
        {
            var command = CreateCommand(lease, statement);
            try
            {
                return await body(command, sync, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await DisposeQuietly(command, lease.Connection, sync).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (IsFailure(ex, lease.Connection))
        {
            throw await Fail(ex, context, lease.Connection, tx, firstUse, sync).ConfigureAwait(false);
        }
        finally
        {
            await DisposeQuietly(lease, sync).ConfigureAwait(false);
        }
    }

    /// <summary>Releases the connection pool.</summary>
    public void Dispose() => _dataSource.Dispose();

    /// <summary>Releases the connection pool.</summary>
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
