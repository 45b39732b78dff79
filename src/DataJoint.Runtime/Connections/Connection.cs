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
    private readonly DbDataSource _dataSource;
    private volatile bool _bulkLoadRefused;

    internal Connection(Config config, Microsoft.Extensions.Logging.ILoggerFactory? loggerFactory = null)
    {
        Config = config;
        if (loggerFactory is not null) LoggerFactory = loggerFactory;
        Adapter = BackendAdapter.For(config.Database.Backend);
        if (string.IsNullOrEmpty(config.Database.User))
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

    internal Transaction? CurrentTransaction => _transaction.Value is { IsActive: true } t ? t : null;

    /// <summary>
    /// Starts a transaction for the current async flow. Commit with <see cref="DataJoint.Transaction.Commit"/>;
    /// disposing without committing rolls back. Transactions do not nest.
    /// </summary>
    public Transaction Transaction()
    {
        var tx = NewTransaction();
        try
        {
            tx.Begin();
        }
        catch
        {
            tx.Dispose();
            throw;
        }

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
            throw new DataJointException("Nested transactions are not supported: a transaction is already open on this connection "
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
    public int Execute(string sql, params object?[] parameters) =>
        Execute(new SqlStatement(sql, parameters.Select(Adapter.ToDbValue).ToArray()), "Executing SQL");

    /// <summary>Runs a raw SELECT and returns its rows as dictionaries (placeholders as in <see cref="Execute(string, object[])"/>).</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, object?>> Query(string sql, params object?[] parameters) =>
        ReadAll(new SqlStatement(sql, parameters.Select(Adapter.ToDbValue).ToArray()), "Running a query", ReadDictionary);

    internal static IReadOnlyDictionary<string, object?> ReadDictionary(DbDataReader reader)
    {
        var row = new Dictionary<string, object?>(reader.FieldCount, StringComparer.Ordinal);
        for (var i = 0; i < reader.FieldCount; i++)
        {
            row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
        }

        return row;
    }

    internal ConnectionLease Open()
    {
        if (CurrentTransaction is { } tx) return new ConnectionLease(tx.DbConnection, null, owned: false);
        DbConnection? connection = null;
        try
        {
            connection = _dataSource.OpenConnection();
            return new ConnectionLease(connection, null, owned: true);
        }
        catch (DbException ex)
        {
            connection?.Dispose();
            throw ConnectFailure(ex);
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException or System.Net.Sockets.SocketException)
        {
            connection?.Dispose();
            throw new LostConnectionException($"Could not connect to the {Description}: {ex.Message}", ex);
        }
    }

    internal async ValueTask<ConnectionLease> OpenAsync(CancellationToken cancellationToken)
    {
        if (CurrentTransaction is { } tx)
        {
            await tx.EnsureBegunAsync(cancellationToken).ConfigureAwait(false);
            return new ConnectionLease(tx.DbConnection, null, owned: false);
        }

        DbConnection? connection = null;
        try
        {
            connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            return new ConnectionLease(connection, null, owned: true);
        }
        catch (DbException ex)
        {
            if (connection is not null) await connection.DisposeAsync().ConfigureAwait(false);
            throw ConnectFailure(ex);
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException or System.Net.Sockets.SocketException)
        {
            if (connection is not null) await connection.DisposeAsync().ConfigureAwait(false);
            throw new LostConnectionException($"Could not connect to the {Description}: {ex.Message}", ex);
        }
    }

    internal DbConnection OpenRaw() => _dataSource.OpenConnection();

    internal async Task<DbConnection> OpenRawAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

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
        command.Transaction = CurrentTransaction?.DbTransaction;
        for (var i = 0; i < statement.Parameters.Count; i++)
        {
            command.Parameters.Add(Adapter.CreateParameter(i, statement.Parameters[i]));
        }

        return command;
    }

    internal int Execute(SqlStatement statement, string context)
    {
        using var lease = Open();
        using var command = CreateCommand(lease, statement);
        try
        {
            return command.ExecuteNonQuery();
        }
        catch (DbException ex)
        {
            throw Adapter.Translate(ex, context);
        }
    }

    internal async Task<int> ExecuteAsync(SqlStatement statement, string context, CancellationToken cancellationToken)
    {
        await using var lease = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = CreateCommand(lease, statement);
        try
        {
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbException ex)
        {
            throw Adapter.Translate(ex, context);
        }
    }

    internal List<T> ReadAll<T>(SqlStatement statement, string context, Func<DbDataReader, T> read)
    {
        read = BlobLimit.Scoped(read, Config.Blob.MaxSize);
        using var lease = Open();
        using var command = CreateCommand(lease, statement);
        try
        {
            using var reader = command.ExecuteReader();
            var rows = new List<T>();
            while (reader.Read())
            {
                rows.Add(read(reader));
            }

            return rows;
        }
        catch (DbException ex)
        {
            throw Adapter.Translate(ex, context);
        }
    }

    internal async Task<List<T>> ReadAllAsync<T>(SqlStatement statement, string context, Func<DbDataReader, T> read,
        CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        await foreach (var row in StreamAsync(statement, context, read, cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row);
        }

        return rows;
    }

    internal async IAsyncEnumerable<T> StreamAsync<T>(SqlStatement statement, string context, Func<DbDataReader, T> read,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        read = BlobLimit.Scoped(read, Config.Blob.MaxSize);
        await using var lease = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = CreateCommand(lease, statement);
        DbDataReader reader;
        try
        {
            reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbException ex)
        {
            throw Adapter.Translate(ex, context);
        }

        await using (reader.ConfigureAwait(false))
        {
            while (true)
            {
                try
                {
                    if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) break;
                }
                catch (DbException ex)
                {
                    throw Adapter.Translate(ex, context);
                }

                yield return read(reader);
            }
        }
    }

    internal T? ReadScalar<T>(SqlStatement statement, string context)
    {
        using var lease = Open();
        using var command = CreateCommand(lease, statement);
        try
        {
            var value = command.ExecuteScalar();
            return value is null or DBNull ? default : (T)Convert.ChangeType(value, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (DbException ex)
        {
            throw Adapter.Translate(ex, context);
        }
    }

    internal async Task<T?> ReadScalarAsync<T>(SqlStatement statement, string context, CancellationToken cancellationToken)
    {
        await using var lease = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = CreateCommand(lease, statement);
        try
        {
            var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return value is null or DBNull ? default : (T)Convert.ChangeType(value, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (DbException ex)
        {
            throw Adapter.Translate(ex, context);
        }
    }

    /// <summary>Releases the connection pool.</summary>
    public void Dispose() => _dataSource.Dispose();

    /// <summary>Releases the connection pool.</summary>
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
