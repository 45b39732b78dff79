using System.Collections;
using System.Globalization;

namespace DataJoint;

/// <summary>
/// The job queue of one auto-populated table: the hidden table <c>~~name</c> with DataJoint 2.x's columns and statuses
/// (<c>pending</c>, <c>reserved</c>, <c>success</c>, <c>error</c>, <c>ignore</c>), shared by every worker process that
/// populates the table with <see cref="PopulateOptions.ReserveJobs"/>. Its primary key is the target's foreign-key
/// primary-key attributes. Obtain it with <see cref="AutoPopulated.Jobs"/>; the table is declared by the first operation
/// that reads or changes it (its own methods, and fetches or counts of it and of its status restrictions), never by the handle.
/// </summary>
/// <remarks>
/// Python compatibility: same name, columns, types, statuses and index as DataJoint-Python, so workers of both can share
/// a pipeline. <c>error_stack</c> is a <c>&lt;blob&gt;</c> column (<c>longblob</c>/<c>bytea</c> with the comment
/// <c>:&lt;blob&gt;:</c>) holding the stack text packed by <see cref="Blob"/> as DataJoint-Python packs a <c>str</c>, so each
/// side decodes the other's stacks; read one with <see cref="ErrorStack"/>.
/// </remarks>
public sealed class JobTable : Table
{
    /// <summary>Longest error message stored; longer ones are cut and end with <see cref="TruncationAppendix"/> (as DataJoint).</summary>
    public const int ErrorMessageLength = 2047;

    /// <summary>Appended to a cut error message.</summary>
    public const string TruncationAppendix = "...truncated";

    private readonly Table _target;
    private readonly Schema _schema;
    private readonly Heading _heading;
    // The key source of a target found in the database without its class (built on the first refresh).
    private QueryExpression? _unboundKeySource;

    private JobTable(Schema schema, Table target, TableDefinition definition)
    {
        _schema = schema;
        _target = target;
        Definition = definition;
        SqlTableName = definition.TableName;
        // The key keeps the target's DataJoint types and lineage in memory, whatever types the declaration spells out.
        _heading = new Heading(definition.Attributes.Select(a => a.InKey && target.Heading.TryGet(a.Name, out var t)
            ? new HeadingAttribute(a.Name, t.Type, inKey: true, nullable: false, defaultValue: null, a.Comment, t.Lineage)
            : new HeadingAttribute(a.Name, a.Type, a.InKey, a.Nullable, a.DefaultValue, a.Comment, lineage: null)).ToList(),
            target.Heading.LineageAvailable);
    }

    /// <summary>
    /// The table whose keys this queue holds: the bound class (an <see cref="AutoPopulated"/>), or a <see cref="FreeTable"/> for a
    /// job table <see cref="DataJoint.Schema.Jobs"/> found in the database whose table is not bound through that schema.
    /// </summary>
    public Table Target => _target;

    /// <summary>The job table's model (declared from it on first use).</summary>
    public TableDefinition Definition { get; }

    /// <inheritdoc/>
    public override Schema Schema => _schema;

    /// <inheritdoc/>
    public override string SqlTableName { get; }

    /// <inheritdoc/>
    public override Heading Heading => _heading;

    private JobsSettings Settings => Connection.Config.Jobs;

    /// <summary>Jobs waiting to be reserved.</summary>
    public QueryExpression Pending => WithStatus("pending");

    /// <summary>Jobs a worker is making.</summary>
    public QueryExpression Reserved => WithStatus("reserved");

    /// <summary>Jobs whose Make failed (not retried until their rows are deleted).</summary>
    public QueryExpression Errors => WithStatus("error");

    /// <summary>Jobs marked to be skipped.</summary>
    public QueryExpression Ignored => WithStatus("ignore");

    /// <summary>Finished jobs (kept only with <see cref="JobsSettings.KeepCompleted"/>).</summary>
    public QueryExpression Completed => WithStatus("success");

    private QueryExpression WithStatus(string status) => Restrict("status = '" + status + "'", semanticCheck: false);

    /// <summary>The handle on the target's job table; nothing is sent to the server.</summary>
    internal static JobTable For(AutoPopulated target)
    {
        var definition = target.TableDefinition;
        var key = JobKeyOf(definition).Select(a => (a.Name, Type: target.Connection.Adapter.JobKeyType(a, target.Schema.Name))).ToList();
        if (key.Count == 0)
        {
            throw new DataJointException($"Cannot create a job table for {definition.ClassName}: no primary-key attribute of it comes from a foreign key.");
        }

        return new JobTable(target.Schema, target, BuildDefinition(target.Schema, definition.ClassName, definition.TableName, key));
    }

    /// <summary>Whether a job table can be made for the table: some primary-key attribute of it comes from a foreign key.</summary>
    internal static bool CanQueue(TableDefinition definition) => JobKeyOf(definition).Any();

    /// <summary>
    /// The handle on the existing job table of <paramref name="tableName"/>, an auto-populated table of <paramref name="schema"/>
    /// bound to no class there: the target is read as a <see cref="FreeTable"/>, the key is the job table's own.
    /// </summary>
    internal static async ValueTask<JobTable> ForUnbound(Schema schema, string tableName, bool sync, CancellationToken cancellationToken)
    {
        var adapter = schema.Connection.Adapter;
        var target = new FreeTable(schema.Connection, adapter.QualifiedName(schema.Name, tableName));
        await target.PrepareForRead(sync, cancellationToken).ConfigureAwait(false);
        var queue = await DatabaseHeading.Read(schema.Connection, schema.Name, QueueNameOf(tableName), sync, cancellationToken).ConfigureAwait(false);
        var key = queue.Where(a => a.InKey)
            .Select(a => target.Heading.TryGet(a.Name, out var t) ? t : a)
            .Select(a => (a.Name, Type: adapter.JobKeyType(new AttributeDefinition(a.Name, a.Type, inKey: true, nullable: false, defaultValue: null, ""), schema.Name)))
            .ToList();
        return new JobTable(schema, target, BuildDefinition(schema, TableNames.ClassNameOf(tableName), tableName, key));
    }

    /// <summary>The target's primary-key attributes that come from its foreign keys: the job table's key.</summary>
    private static IEnumerable<AttributeDefinition> JobKeyOf(TableDefinition definition)
    {
        var fromParents = definition.ForeignKeys.SelectMany(fk => fk.Attributes).ToHashSet(StringComparer.Ordinal);
        return definition.Attributes.Where(a => a.InKey && fromParents.Contains(a.Name));
    }

    /// <summary>The job table's definition (docs/semantics.md#jobs): the target's foreign-key primary key plus the job columns.</summary>
    private static TableDefinition BuildDefinition(Schema schema, string className, string tableName, IReadOnlyList<(string Name, string Type)> key)
    {
        // Exactly DataJoint-Python's job-table definition (jobs.py): these types, defaults and spellings, no column comments.
        AttributeDefinition Column(string name, string type, string? defaultValue, bool nullable = false) =>
            new(name, type, inKey: false, nullable, nullable ? "null" : defaultValue, comment: "");

        var columns = new List<AttributeDefinition>(key.Select(k => new AttributeDefinition(k.Name, k.Type, inKey: true, nullable: false, defaultValue: null, "")))
        {
            Column("status", "enum('pending', 'reserved', 'success', 'error', 'ignore')", null),
            Column("priority", "int8", null),
            Column("created_time", "datetime(3)", "CURRENT_TIMESTAMP(3)"),
            Column("scheduled_time", "datetime(3)", "CURRENT_TIMESTAMP(3)"),
            Column("reserved_time", "datetime(3)", null, nullable: true),
            Column("completed_time", "datetime(3)", null, nullable: true),
            Column("duration", "float64", null, nullable: true),
            Column("error_message", $"varchar({ErrorMessageLength})", "\"\""),
            Column("error_stack", "<blob>", null, nullable: true),
            Column("user", "varchar(255)", "\"\""),
            Column("host", "varchar(255)", "\"\""),
            Column("pid", "int32", "0"),
            Column("connection_id", "int64", "0"),
            Column("version", "varchar(64)", "\"\""),
        };
        var comment = $"Job queue for {schema.Connection.Adapter.QualifiedName(schema.Name, tableName)}";
        return new TableDefinition(className + ".Jobs", QueueNameOf(tableName), TableTier.Manual, comment, columns, [],
            [new IndexDefinition(["status", "priority", "scheduled_time"], unique: false)]);
    }

    /// <summary>Declares the job table unless it exists (what every operation on it does first).</summary>
    public void Declare() => SyncOrAsync.Wait(EnsureDeclared(sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="Declare"/>.</summary>
    public async Task DeclareAsync(CancellationToken cancellationToken = default) =>
        await EnsureDeclared(sync: false, cancellationToken).ConfigureAwait(false);

    internal override ValueTask PrepareForRead(bool sync, CancellationToken cancellationToken) => EnsureDeclared(sync, cancellationToken);

    internal async ValueTask EnsureDeclared(bool sync, CancellationToken cancellationToken)
    {
        if (Connection.TryRecall(Schema.Name, SqlTableName, TableFact.JobTableDeclared, out _)) return;
        var adapter = Connection.Adapter;
        if (!await TableExists(sync, cancellationToken).ConfigureAwait(false))
        {
            if (Connection.InTransaction)
            {
                throw new InvalidOperationException($"Cannot declare the job table {FullTableName} inside a transaction. "
                    + "Call Jobs.Declare()/DeclareAsync() (or any job-table operation) before starting one.");
            }

            try
            {
                foreach (var statement in adapter.DeclareTable(Schema.Name, Definition, _ => throw new InvalidOperationException("The job table has no foreign keys.")))
                {
                    await SyncOrAsync.Execute(Connection, new SqlStatement(statement, []), $"Declaring the job table {FullTableName}", sync, cancellationToken)
                        .ConfigureAwait(false);
                }
            }
            catch (DataJointException)
            {
                // Another worker declared it at the same moment: its table is the same.
                if (!await TableExists(sync, cancellationToken).ConfigureAwait(false)) throw;
            }

            // DataJoint-Python records the job table's key in ~lineage as originating in the job table itself.
            await LineageTable.Write(Connection, Schema.Name, SqlTableName, new Heading(Definition.Attributes.Where(a => a.InKey)
                .Select(a => new HeadingAttribute(a.Name, a.Type, inKey: true, nullable: false, defaultValue: null, "",
                    $"{Schema.Name}.{SqlTableName}.{a.Name}")).ToList()), sync, cancellationToken).ConfigureAwait(false);
        }

        Connection.Remember(Schema.Name, SqlTableName, TableFact.JobTableDeclared, true);
    }

    private async ValueTask<bool> TableExists(bool sync, CancellationToken cancellationToken) =>
        await SyncOrAsync.ReadScalar<long>(Connection, new SqlStatement(Connection.Adapter.TableExists, [Schema.Name, SqlTableName]),
            $"Checking the job table {FullTableName}", sync, cancellationToken).ConfigureAwait(false) == 1;

    /// <summary>Drops the job table (no cascade, no prompt: it holds no results). The next operation on it declares it again.</summary>
    public void Drop() => SyncOrAsync.Wait(DropQueue(Connection, Schema.Name, SqlTableName, sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="Drop()"/>.</summary>
    public async Task DropAsync(CancellationToken cancellationToken = default) =>
        await DropQueue(Connection, Schema.Name, SqlTableName, sync: false, cancellationToken).ConfigureAwait(false);

    /// <summary>DataJoint's job-table name for an auto-populated table: <c>~~</c> and the name without its tier prefix.</summary>
    internal static string QueueNameOf(string tableName) => "~~" + tableName.TrimStart('_');

    /// <summary>Drops the job table of a dropped auto-populated table, if it has one (DataJoint leaves it behind).</summary>
    internal static async ValueTask DropQueueOf(Connection connection, string schema, string tableName, bool sync, CancellationToken cancellationToken)
    {
        if (tableName.StartsWith('_')) await DropQueue(connection, schema, QueueNameOf(tableName), sync, cancellationToken).ConfigureAwait(false);
    }

    private static async ValueTask DropQueue(Connection connection, string schema, string queueName, bool sync, CancellationToken cancellationToken)
    {
        var fullName = connection.Adapter.QualifiedName(schema, queueName);
        await SyncOrAsync.Execute(connection, new SqlStatement("DROP TABLE IF EXISTS " + fullName, []), $"Dropping the job table {fullName}", sync,
            cancellationToken).ConfigureAwait(false);
        connection.ForgetTable(schema, queueName);
    }

    /// <summary>
    /// Brings the queue up to date (DataJoint's <c>refresh</c>): adds <c>pending</c> jobs for keys of the target's key source
    /// (restricted by <paramref name="restrictions"/>) that are neither made nor queued; with
    /// <see cref="JobsSettings.KeepCompleted"/>, puts <c>success</c> jobs whose result is gone back to <c>pending</c>; removes
    /// non-ignored jobs older than the stale timeout whose key left the key source.
    /// </summary>
    public JobRefreshResult Refresh(params object[] restrictions) => Refresh(new JobRefreshOptions(), restrictions);

    /// <summary>As <see cref="Refresh(object[])"/> with a delay, priority and timeouts.</summary>
    public JobRefreshResult Refresh(JobRefreshOptions options, params object[] restrictions) =>
        SyncOrAsync.Wait(RefreshCore(options, restrictions, sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="Refresh(object[])"/>.</summary>
    public Task<JobRefreshResult> RefreshAsync(params object[] restrictions) => RefreshAsync(new JobRefreshOptions(), restrictions, CancellationToken.None);

    /// <summary>Asynchronous <see cref="Refresh(object[])"/> without restrictions.</summary>
    public Task<JobRefreshResult> RefreshAsync(CancellationToken cancellationToken) => RefreshAsync(new JobRefreshOptions(), [], cancellationToken);

    /// <summary>Asynchronous <see cref="Refresh(JobRefreshOptions, object[])"/>.</summary>
    public Task<JobRefreshResult> RefreshAsync(JobRefreshOptions options, params object[] restrictions) =>
        RefreshAsync(options, restrictions, CancellationToken.None);

    /// <summary>Asynchronous <see cref="Refresh(JobRefreshOptions, object[])"/> without restrictions.</summary>
    public Task<JobRefreshResult> RefreshAsync(JobRefreshOptions options, CancellationToken cancellationToken) =>
        RefreshAsync(options, [], cancellationToken);

    /// <summary>Asynchronous <see cref="Refresh(JobRefreshOptions, object[])"/>.</summary>
    public Task<JobRefreshResult> RefreshAsync(JobRefreshOptions options, object[] restrictions, CancellationToken cancellationToken = default) =>
        RefreshCore(options, restrictions, sync: false, cancellationToken).AsTask();

    internal async ValueTask<JobRefreshResult> RefreshCore(JobRefreshOptions options, object[] restrictions, bool sync, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        await EnsureDeclared(sync, cancellationToken).ConfigureAwait(false);
        var priority = options.Priority ?? Settings.DefaultPriority;
        var todo = await Todo(restrictions, sync, cancellationToken).ConfigureAwait(false);
        var newKeys = todo.RestrictNot(KeyProjection.Of(_target, _target.PrimaryKey), semanticCheck: false)
            .RestrictNot(KeyProjection.Of(this, _heading.PrimaryKey), semanticCheck: false);

        var keyAttributes = _heading.PrimaryKey.Select(k => _heading[k]).ToArray();
        var keys = await SyncOrAsync.ReadAll(Connection, QuerySqlGenerator.Select(newKeys, Connection.Adapter, _heading.PrimaryKey, distinct: true), $"Finding new jobs for {FullTableName}",
            r => keyAttributes.Select((a, i) => ColumnReader.ReadValue(r, i, a)).ToArray(), sync, cancellationToken).ConfigureAwait(false);
        var added = 0;
        string[] columns = [.. _heading.PrimaryKey, "status", "priority", "scheduled_time"];
        var scheduled = StatementBuilder.Expression(Connection.Adapter.NowPlus(options.Delay));
        foreach (var batch in keys.Chunk(500))
        {
            var rows = batch.Select(key => (IReadOnlyList<object?>)[
                .. keyAttributes.Select((a, i) => Connection.Adapter.ToDbValue(a.Spec, key[i])), "pending", (short)priority, scheduled]);
            var insert = StatementBuilder.Insert(Connection.Adapter, FullTableName, columns, rows, _heading.PrimaryKey, InsertConflict.Skip);
            // Affected rows count only the inserted ones: duplicates (another worker's refresh) are skipped.
            added += await SyncOrAsync.Execute(Connection, insert, $"Adding jobs to {FullTableName}", sync, cancellationToken).ConfigureAwait(false);
        }

        var rePended = 0;
        if (Settings.KeepCompleted)
        {
            var gone = ((QueryExpression)this).Restrict("status = 'success'", semanticCheck: false).RestrictNot(KeyProjection.Of(_target, _heading.PrimaryKey), semanticCheck: false);
            rePended = await Update([("status", "pending"), ("completed_time", null), ("duration", null)], StatementBuilder.WhereOf(gone), sync,
                cancellationToken).ConfigureAwait(false);
        }

        var stale = options.StaleTimeout ?? Settings.StaleTimeout;
        var staleJobs = ((QueryExpression)this)
            .Restrict("status <> 'ignore' AND created_time < " + Connection.Adapter.NowPlus(-stale), semanticCheck: false)
            .RestrictNot(KeyProjection.Of(todo, todo.PrimaryKey), semanticCheck: false);
        var removed = await SyncOrAsync.Execute(Connection, StatementBuilder.Delete(Connection.Adapter, FullTableName, StatementBuilder.WhereOf(staleJobs)),
            $"Removing stale jobs from {FullTableName}", sync, cancellationToken).ConfigureAwait(false);

        var orphaned = await ReclaimCore(sync, cancellationToken).ConfigureAwait(false);
        if (options.OrphanTimeout is { } orphan)
        {
            // The fallback for reservations whose session cannot be judged (another user's on MySQL, a reused session id).
            var old = ((QueryExpression)this).Restrict("status = 'reserved' AND reserved_time < " + Connection.Adapter.NowPlus(-orphan), semanticCheck: false);
            orphaned += await Update(BackToPending, StatementBuilder.WhereOf(old), sync, cancellationToken).ConfigureAwait(false);
        }

        var result = new JobRefreshResult(added, removed, orphaned, rePended);
        PopulateLog.JobsRefreshed(Connection.DataJointLoggers, FullTableName, added, removed, orphaned, rePended);
        return result;
    }


    /// <summary>The target's key source restricted by <paramref name="restrictions"/>: the class's, or for an unbound target its default one.</summary>
    private async ValueTask<QueryExpression> Todo(object[] restrictions, bool sync, CancellationToken cancellationToken)
    {
        if (_target is AutoPopulated bound) return PopulateEngine.Todo(bound, restrictions);
        var keySource = _unboundKeySource ??= await DefaultKeySource.ForExisting(_target, sync, cancellationToken).ConfigureAwait(false);
        foreach (var restriction in restrictions) keySource = keySource.Restrict(restriction);
        return keySource;
    }

    /// <summary>
    /// Puts back to <c>pending</c> every reservation whose worker is gone: its server session (<c>connection_id</c>) no longer
    /// exists, or the server restarted since it was made. A live worker holds its session for as long as it runs, so its
    /// reservations are never taken. Populate and <see cref="Refresh(object[])"/> do this first; the time-based
    /// <see cref="JobRefreshOptions.OrphanTimeout"/> remains the fallback. Returns the number of jobs reclaimed.
    /// </summary>
    public int Reclaim() => SyncOrAsync.Wait(ReclaimCore(sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="Reclaim"/>.</summary>
    public Task<int> ReclaimAsync(CancellationToken cancellationToken = default) => ReclaimCore(sync: false, cancellationToken).AsTask();

    internal async ValueTask<int> ReclaimCore(bool sync, CancellationToken cancellationToken)
    {
        await EnsureDeclared(sync, cancellationToken).ConfigureAwait(false);
        var adapter = Connection.Adapter;
        var gone = adapter.ReservationSessionGone(adapter.Quote("connection_id"), adapter.Quote("user"), adapter.Quote("reserved_time"));
        return await Update(BackToPending, [IsReserved, StatementBuilder.Fragment(gone)], sync, cancellationToken,
            $"Reclaiming jobs of gone workers in {FullTableName}").ConfigureAwait(false);
    }

    private static readonly (string, object?)[] BackToPending = [("status", "pending"), ("reserved_time", null)];

    private static readonly Condition IsReserved = StatementBuilder.Fragment("status='reserved'");

    // Workers reserving, completing and releasing at once can deadlock on MySQL's index gaps; each UPDATE is idempotent.
    private ValueTask<int> Update(IReadOnlyList<(string Column, object? Value)> set, IReadOnlyList<Condition> where, bool sync,
        CancellationToken cancellationToken, string? context = null)
    {
        var statement = StatementBuilder.Update(Connection.Adapter, FullTableName, set, where);
        var description = context ?? $"Updating jobs in {FullTableName}";
        return TransientRetry.Conflicts(Connection, (s, ct) => SyncOrAsync.Execute(Connection, statement, description, s, ct), sync, cancellationToken);
    }

    /// <summary>
    /// Reserves the job of <paramref name="key"/> for this process with one conditional UPDATE (only a <c>pending</c> job
    /// whose scheduled time has come): of several workers trying at once, exactly one wins. The reservation carries the
    /// session id of the pooled connection that ran the UPDATE, and <see cref="Reclaim"/> frees it once that session ends
    /// (pools close idle connections after a few minutes); populate's workers hold their sessions while they run.
    /// </summary>
    /// <param name="key">The key: a <c>Key</c>/<c>Row</c> record, a dictionary or an anonymous object with every key attribute.</param>
    /// <returns>True when this call reserved it.</returns>
    public bool Reserve(object key) => SyncOrAsync.Wait(ReserveCore(key, session: null, sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="Reserve"/>.</summary>
    public Task<bool> ReserveAsync(object key, CancellationToken cancellationToken = default) => ReserveCore(key, session: null, sync: false, cancellationToken).AsTask();

    /// <summary>Reserves <paramref name="key"/>, marked with <paramref name="session"/>'s id (null: the session running the UPDATE).</summary>
    internal ValueTask<bool> ReserveCore(object key, HeldSession? session, bool sync, CancellationToken cancellationToken) =>
        Telemetry.Traced(Telemetry.Reserve, Connection, FullTableName, async scope =>
        {
            var reserved = await ReserveUntraced(key, session, sync, cancellationToken).ConfigureAwait(false);
            scope.Activity?.SetTag("datajoint.reserved", reserved);
            return reserved;
        });

    private async ValueTask<bool> ReserveUntraced(object key, HeldSession? session, bool sync, CancellationToken cancellationToken)
    {
        await EnsureDeclared(sync, cancellationToken).ConfigureAwait(false);
        var adapter = Connection.Adapter;
        var changed = await Update(
            [
                ("status", "reserved"), ("reserved_time", StatementBuilder.Expression(adapter.Now)), ("host", Environment.MachineName),
                ("pid", Environment.ProcessId), ("connection_id", session is null ? StatementBuilder.Expression(adapter.SessionId) : session.Id),
                ("user", StatementBuilder.Expression(adapter.CurrentUser)), ("version", Settings.Version), ("error_message", ""), ("error_stack", null),
            ],
            [KeyCondition(key), StatementBuilder.Fragment("status='pending' AND scheduled_time <= " + adapter.Now)], sync, cancellationToken,
            $"Reserving a job in {FullTableName}").ConfigureAwait(false);
        return changed == 1;
    }

    /// <summary>Marks the job of <paramref name="key"/> done: deletes it, or with <see cref="JobsSettings.KeepCompleted"/> keeps it as <c>success</c>.</summary>
    /// <param name="key">The key.</param>
    /// <param name="duration">Seconds the job took.</param>
    public void Complete(object key, double? duration = null) => SyncOrAsync.Wait(CompleteCore(key, duration, sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="Complete"/>.</summary>
    public Task CompleteAsync(object key, double? duration = null, CancellationToken cancellationToken = default) =>
        CompleteCore(key, duration, sync: false, cancellationToken).AsTask();

    internal async ValueTask CompleteCore(object key, double? duration, bool sync, CancellationToken cancellationToken)
    {
        await EnsureDeclared(sync, cancellationToken).ConfigureAwait(false);
        if (Settings.KeepCompleted)
        {
            var set = new (string, object?)[] { ("status", "success"), ("completed_time", StatementBuilder.Expression(Connection.Adapter.Now)), ("duration", duration) };
            if (await Update(set, [KeyCondition(key)], sync, cancellationToken, $"Completing a job in {FullTableName}").ConfigureAwait(false) > 0) return;
            await InsertJob(key, "success", [("duration", duration)], sync, cancellationToken).ConfigureAwait(false);
            return;
        }

        var delete = StatementBuilder.Delete(Connection.Adapter, FullTableName, [KeyCondition(key)]);
        await TransientRetry.Conflicts(Connection, (s, ct) => SyncOrAsync.Execute(Connection, delete, $"Completing a job in {FullTableName}", s, ct),
            sync, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Marks the job of <paramref name="key"/> failed with its message (cut to <see cref="ErrorMessageLength"/> characters as
    /// DataJoint does) and stack. Failed keys are not retried until their job rows are deleted.
    /// </summary>
    public void Error(object key, string message, string? stack = null) =>
        SyncOrAsync.Wait(ErrorCore(key, message, stack, sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="Error"/>.</summary>
    public Task ErrorAsync(object key, string message, string? stack = null, CancellationToken cancellationToken = default) =>
        ErrorCore(key, message, stack, sync: false, cancellationToken).AsTask();

    internal async ValueTask ErrorCore(object key, string message, string? stack, bool sync, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await EnsureDeclared(sync, cancellationToken).ConfigureAwait(false);
        if (message.Length > ErrorMessageLength)
        {
            message = message[..(ErrorMessageLength - TruncationAppendix.Length)] + TruncationAppendix;
        }

        var stackBytes = stack is null ? null : Blob.Pack(stack);
        var set = new (string, object?)[]
        {
            ("status", "error"), ("completed_time", StatementBuilder.Expression(Connection.Adapter.Now)), ("error_message", message), ("error_stack", stackBytes),
        };
        if (await Update(set, [KeyCondition(key)], sync, cancellationToken, $"Recording an error in {FullTableName}").ConfigureAwait(false) == 0)
        {
            await InsertJob(key, "error", [("error_message", message), ("error_stack", stackBytes)], sync, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The error stack recorded for the job of <paramref name="key"/>, decoded from its <c>&lt;blob&gt;</c> (written by this
    /// library or by DataJoint-Python); null when the job does not exist or has no stack.
    /// </summary>
    /// <exception cref="BlobException">The stored bytes are not a valid DataJoint blob.</exception>
    /// <exception cref="DataJointException">The blob holds something other than text.</exception>
    public string? ErrorStack(object key) => SyncOrAsync.Wait(ErrorStackCore(key, sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="ErrorStack"/>.</summary>
    public Task<string?> ErrorStackAsync(object key, CancellationToken cancellationToken = default) =>
        ErrorStackCore(key, sync: false, cancellationToken).AsTask();

    private async ValueTask<string?> ErrorStackCore(object key, bool sync, CancellationToken cancellationToken)
    {
        await EnsureDeclared(sync, cancellationToken).ConfigureAwait(false);
        var stacks = await SyncOrAsync.ReadAll(Connection, QuerySqlGenerator.Select(((QueryExpression)this).Restrict(KeyValues(key), semanticCheck: false), Connection.Adapter, ["error_stack"]), $"Reading an error stack from {FullTableName}",
            r => r.IsDBNull(0) ? null : ColumnReader.ReadBytes(r, 0), sync, cancellationToken).ConfigureAwait(false);
        if (stacks.Count == 0 || stacks[0] is not { } blob) return null;
        return Blob.Unpack(blob) switch
        {
            null => null,
            string text => text,
            var other => throw new DataJointException($"The error_stack of the job ({DescribeKey(key)}) in {FullTableName} holds a {other.GetType().Name}, "
                + "not text; read the column and call Blob.Unpack to inspect it."),
        };
    }

    /// <summary>Marks the job of <paramref name="key"/> ignored (adding it if missing): populate and refresh skip it.</summary>
    public void Ignore(object key) => SyncOrAsync.Wait(IgnoreCore(key, sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="Ignore"/>.</summary>
    public Task IgnoreAsync(object key, CancellationToken cancellationToken = default) => IgnoreCore(key, sync: false, cancellationToken).AsTask();

    internal async ValueTask IgnoreCore(object key, bool sync, CancellationToken cancellationToken)
    {
        await EnsureDeclared(sync, cancellationToken).ConfigureAwait(false);
        if (await Update([("status", "ignore")], [KeyCondition(key)], sync, cancellationToken, $"Ignoring a job in {FullTableName}").ConfigureAwait(false) == 0)
        {
            await InsertJob(key, "ignore", [], sync, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Puts a job this process reserved back to <c>pending</c> (populate cancelled mid-key, or its connection lost), noting
    /// <paramref name="reason"/> in <c>error_message</c>; only while it is still this worker's reservation.
    /// </summary>
    internal async ValueTask ReleaseCore(object key, HeldSession? session, string reason, bool sync, CancellationToken cancellationToken)
    {
        await EnsureDeclared(sync, cancellationToken).ConfigureAwait(false);
        if (reason.Length > ErrorMessageLength) reason = reason[..(ErrorMessageLength - TruncationAppendix.Length)] + TruncationAppendix;
        List<Condition> where = [KeyCondition(key), IsReserved];
        if (session is not null) where.Add(StatementBuilder.Equal([("connection_id", session.Id)]));
        await Update([.. BackToPending, ("error_message", reason)], where, sync, cancellationToken, $"Releasing a job in {FullTableName}").ConfigureAwait(false);
    }

    /// <summary>
    /// Puts back to <c>pending</c> the reservations this process marked with <paramref name="session"/>'s id and no worker
    /// holds any more: when a worker finishes (a key whose release failed while the server was away), and when a worker
    /// takes a session (a session is held by one worker only, so a reservation already carrying its id was left by an
    /// earlier session with the same id before a server restart reused it, or by a <see cref="Reserve"/> that ran on this
    /// pooled session).
    /// </summary>
    internal async ValueTask ReleaseSessionCore(HeldSession session, bool sync, CancellationToken cancellationToken)
    {
        await Update(BackToPending,
            [IsReserved, StatementBuilder.Equal([("connection_id", session.Id), ("host", Environment.MachineName), ("pid", Environment.ProcessId)])], sync,
            cancellationToken, $"Releasing a worker's jobs in {FullTableName}").ConfigureAwait(false);
    }

    /// <summary>Number of jobs per status.</summary>
    public JobProgress Progress() => SyncOrAsync.Wait(ProgressCore(sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="Progress"/>.</summary>
    public Task<JobProgress> ProgressAsync(CancellationToken cancellationToken = default) => ProgressCore(sync: false, cancellationToken).AsTask();

    private async ValueTask<JobProgress> ProgressCore(bool sync, CancellationToken cancellationToken)
    {
        await EnsureDeclared(sync, cancellationToken).ConfigureAwait(false);
        string[] statuses = ["pending", "reserved", "success", "error", "ignore"];
        var sql = "SELECT " + string.Join(",", statuses.Select(s => $"COALESCE(SUM(CASE WHEN status='{s}' THEN 1 ELSE 0 END),0)"))
            + " FROM " + FullTableName;
        var counts = (await SyncOrAsync.ReadAll(Connection, new SqlStatement(sql, []), $"Counting jobs in {FullTableName}",
            r => Enumerable.Range(0, statuses.Length).Select(i => Convert.ToInt64(r.GetValue(i), CultureInfo.InvariantCulture)).ToArray(),
            sync, cancellationToken).ConfigureAwait(false))[0];
        for (var i = 0; i < statuses.Length; i++) Telemetry.JobQueueDepth(FullTableName, statuses[i], counts[i]);
        return new JobProgress(counts[0], counts[1], counts[2], counts[3], counts[4]);
    }

    private async ValueTask InsertJob(object key, string status, IReadOnlyList<(string Name, object? Value)> extra, bool sync,
        CancellationToken cancellationToken)
    {
        var values = KeyValues(key);
        var adapter = Connection.Adapter;
        (string Name, object? Value)[] row =
        [
            .. _heading.PrimaryKey.Select(k => (k, adapter.ToDbValue(_heading[k].Spec, values[k]))), .. extra,
            ("status", status), ("priority", (short)Settings.DefaultPriority), ("completed_time", StatementBuilder.Expression(adapter.Now)),
            ("host", Environment.MachineName), ("pid", Environment.ProcessId), ("user", StatementBuilder.Expression(adapter.CurrentUser)),
            ("connection_id", StatementBuilder.Expression(adapter.SessionId)), ("version", Settings.Version),
        ];
        var insert = StatementBuilder.Insert(adapter, FullTableName, row.Select(c => c.Name).ToArray(), [row.Select(c => c.Value).ToArray()],
            _heading.PrimaryKey, InsertConflict.Skip);
        await SyncOrAsync.Execute(Connection, insert, $"Adding a job to {FullTableName}", sync, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The job of <paramref name="key"/>: every key attribute equal to its value.</summary>
    private Condition KeyCondition(object key)
    {
        var values = KeyValues(key);
        return StatementBuilder.Equal(_heading.PrimaryKey.Select(k => (k, Connection.Adapter.ToDbValue(_heading[k].Spec, values[k]))).ToArray());
    }

    private string DescribeKey(object key) =>
        string.Join(", ", KeyValues(key).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key}={p.Value}")));

    /// <summary>The job-key values of <paramref name="key"/>; every key attribute must be given (a job is never matched by a partial key).</summary>
    private Dictionary<string, object?> KeyValues(object key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var pairs = RecordValues.TryRead(key)
            ?? throw new ArgumentException($"A {key.GetType().Name} is not a job key of {FullTableName}: use a Key record, an anonymous object or a dictionary.",
                nameof(key));
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in pairs)
        {
            if (_heading.TryGet(name, out var a) && a.InKey) values[name] = value;
        }

        var missing = _heading.PrimaryKey.Where(k => !values.ContainsKey(k)).ToList();
        if (missing.Count > 0)
        {
            throw new DataJointException($"The key for the job table {FullTableName} lacks {string.Join(", ", missing.Select(m => $"`{m}`"))}: "
                + $"give every primary-key attribute ({string.Join(", ", _heading.PrimaryKey)}).");
        }

        return values;
    }
}
