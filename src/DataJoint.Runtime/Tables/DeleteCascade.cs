namespace DataJoint;

/// <summary>
/// The rows each table of a cascading delete loses (docs/semantics.md#cascade): the seed's own restriction; for a master
/// reached through <c>partIntegrity: "cascade"</c>, the literal list of its affected keys; and for every descendant
/// the rows whose foreign key points at affected parent rows (OR over every incoming foreign key). The one plan behind
/// <see cref="Table.Delete(bool?, PartIntegrity)"/> and <see cref="Diagram.Cascade(Table, PartIntegrity)"/>, so a preview
/// and the delete cannot disagree.
/// </summary>
internal sealed class DeleteCascade : IRowPropagation
{
    private readonly Table _seedTable;
    private readonly TableName _seed;
    private readonly DependencyGraph _graph;
    private readonly Connection _connection;
    private readonly BackendAdapter _adapter;

    // Masters restricted by materialised keys: their primary-key columns and the affected key rows.
    private readonly Dictionary<TableName, (IReadOnlyList<string> Columns, HashSet<object?[]> Keys)> _masterKeys = [];

    // The masters' handles, headings read once.
    private readonly Dictionary<TableName, FreeTable> _masterTables = [];

    private IReadOnlyList<TableName> _members;
    private HashSet<TableName>? _memberSet;

    // Below an unrestricted seed: the columns admitting NULL in the schemas read so far, and which tables lose every row.
    private readonly HashSet<string> _nullabilityRead = new(StringComparer.Ordinal);
    private readonly HashSet<(TableName Table, string Column)> _nullable = [];
    private readonly Dictionary<TableName, bool> _allRows = [];

    private DeleteCascade(Table seedTable, DependencyGraph graph)
    {
        _seedTable = seedTable;
        _seed = new TableName(seedTable.Schema.Name, seedTable.SqlTableName);
        _graph = graph;
        _connection = seedTable.Connection;
        _adapter = _connection.Adapter;
        _members = graph.DescendantsInTopologicalOrder(_seed);
    }

    /// <summary>
    /// The plan for deleting <paramref name="seedTable"/>'s rows: the foreign keys downstream of its schema read now and,
    /// with <see cref="PartIntegrity.Cascade"/>, the affected master keys read now (a delete calls this inside its
    /// transaction, before any row is gone).
    /// </summary>
    public static async ValueTask<DeleteCascade> Plan(Table seedTable, PartIntegrity partIntegrity, bool sync, CancellationToken cancellationToken)
    {
        await seedTable.PrepareForRead(sync, cancellationToken).ConfigureAwait(false);
        var graph = await DependencyGraph.LoadDownstream(seedTable.Connection, seedTable.Schema.Name, sync, cancellationToken).ConfigureAwait(false);
        var plan = new DeleteCascade(seedTable, graph);
        await plan.ReadNullability(sync, cancellationToken).ConfigureAwait(false);
        if (partIntegrity == PartIntegrity.Cascade)
        {
            await plan.AddMastersOfAffectedParts(sync, cancellationToken).ConfigureAwait(false);
            await plan.ReadNullability(sync, cancellationToken).ConfigureAwait(false);
        }

        return plan;
    }

    /// <summary>
    /// When the seed loses every row, reads which columns admit NULL in the members' schemas (not read yet), so that
    /// <see cref="AllRowsAffected"/> can tell the children that lose every row too and delete them without a condition.
    /// </summary>
    private async ValueTask ReadNullability(bool sync, CancellationToken cancellationToken)
    {
        if (_seedTable.HasWhere || _members.Count < 2) return;
        foreach (var schema in _members.Select(m => m.Schema).Distinct().Where(s => !_nullabilityRead.Contains(s)).ToList())
        {
            var columns = await SyncOrAsync.ReadAll(_connection, new SqlStatement(_adapter.NullableColumns, [schema]),
                $"Reading the nullable columns of schema `{schema}`", r => (new TableName(schema, r.GetString(0)), r.GetString(1)),
                sync, cancellationToken).ConfigureAwait(false);
            _nullable.UnionWith(columns);
            _nullabilityRead.Add(schema);
        }

        _allRows.Clear();
    }

    /// <summary>The seed table.</summary>
    public TableName Seed => _seed;

    /// <summary>The foreign keys the plan follows.</summary>
    public DependencyGraph Graph => _graph;

    /// <summary>The affected tables, parents before children.</summary>
    public IReadOnlyList<TableName> Members => _members;

    private HashSet<TableName> MemberSet => _memberSet ??= [.. _members];

    /// <summary>
    /// For every part table the cascade reaches, restricts its master to the masters of the affected part rows (read
    /// now, while the parts still exist) and cascades from there to all its parts, until no new master rows appear.
    /// </summary>
    private async ValueTask AddMastersOfAffectedParts(bool sync, CancellationToken cancellationToken)
    {
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var part in Members.Where(t => t.Master is not null).ToList())
            {
                // A part of the seed itself only reaches seed rows; a part without a foreign-key path to its master is left alone.
                var master = part.Master!.Value;
                if (master == _seed || _graph.PathUp(part, master) is not { } path) continue;
                if (!_masterTables.TryGetValue(master, out var masterTable))
                {
                    _masterTables[master] = masterTable = new FreeTable(_connection, Qualified(master));
                    await masterTable.PrepareForRead(sync, cancellationToken).ConfigureAwait(false);
                }

                var columns = _masterKeys.TryGetValue(master, out var known) ? known.Columns : masterTable.Heading.PrimaryKey;
                var statement = MasterKeysStatement(masterTable, columns, path);
                var context = $"Reading the master rows of {part} to delete with them";
                var keys = await SyncOrAsync.ReadAll(_connection, statement, context, ReadKey, sync, cancellationToken).ConfigureAwait(false);
                if (known.Keys is null) _masterKeys[master] = known = (columns, new HashSet<object?[]>(KeyComparer.Instance));
                foreach (var key in keys) changed |= known.Keys.Add(key);
            }

            _members = _graph.DescendantsInTopologicalOrder([_seed, .. _masterKeys.Keys]);
            _memberSet = null;
            _allRows.Clear();
        }
    }

    private static object?[] ReadKey(System.Data.Common.DbDataReader reader)
    {
        var key = new object?[reader.FieldCount];
        for (var i = 0; i < key.Length; i++) key[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
        return key;
    }

    /// <summary>SELECT of the master's keys reached from the affected part rows along <paramref name="path"/> (part first).</summary>
    private SqlStatement MasterKeysStatement(FreeTable master, IReadOnlyList<string> columns, IReadOnlyList<ForeignKeyEdge> path)
    {
        var sql = new SqlBuilder(_adapter);
        // An unrestricted table writes only SELECT ... FROM, with columns read as fetch reads them (enums as text).
        new QuerySqlGenerator(sql).AppendSelectCore(master, columns, distinct: true, read: true, order: false);
        sql.Append(" WHERE ");
        RowsAlong(path, path.Count - 1)!(sql);
        return sql.Build();
    }

    /// <summary>The condition on <c>path[step].Parent</c>'s rows reached from the affected part rows, or null for all rows.</summary>
    private Action<SqlBuilder>? RowsAlong(IReadOnlyList<ForeignKeyEdge> path, int step)
    {
        if (step < 0) return ConditionOn(path[0].Child);
        var below = RowsAlong(path, step - 1);
        return sql => ForeignKeyStep.AppendUp(sql, path[step], below);
    }

    public SqlStatement DeleteStatement(TableName table) =>
        StatementBuilder.Delete(_adapter, Qualified(table), AllRowsAffected(table) ? [] : [new FragmentCondition(sql => AppendCondition(sql, table))]);

    /// <summary>
    /// True when the table loses every row: the unrestricted seed, and a member with a foreign key from a parent that loses
    /// every row whose columns are all NOT NULL (every such row references some parent row, as the foreign key is enforced).
    /// </summary>
    private bool AllRowsAffected(TableName table)
    {
        if (table == _seed) return !_seedTable.HasWhere;
        if (!_nullabilityRead.Contains(table.Schema)) return false;
        if (_allRows.TryGetValue(table, out var all)) return all;
        all = _graph.ParentsOf(table).Any(e => e.Parent != table && MemberSet.Contains(e.Parent) && AllRowsAffected(e.Parent)
            && e.ChildColumns.All(column => !_nullable.Contains((table, column))));
        _allRows[table] = all;
        return all;
    }

    /// <summary>The table's affected-rows condition, or null when every row is affected.</summary>
    private Action<SqlBuilder>? ConditionOn(TableName table) => AllRowsAffected(table) ? null : sql => AppendCondition(sql, table);

    /// <summary>Appends the condition on <paramref name="table"/>'s rows that the cascade deletes.</summary>
    public void AppendCondition(SqlBuilder sql, TableName table)
    {
        if (AllRowsAffected(table))
        {
            sql.Append("1 = 1");
            return;
        }

        var alternatives = 0;
        if (table == _seed)
        {
            sql.Append('(');
            _seedTable.AppendConditionsOnly(sql);
            sql.Append(')');
            alternatives++;
        }

        if (_masterKeys.TryGetValue(table, out var master))
        {
            if (alternatives++ > 0) sql.Append(" OR ");
            AppendKeyList(sql, master.Columns, master.Keys);
        }

        foreach (var edge in _graph.ParentsOf(table).Where(e => MemberSet.Contains(e.Parent) && e.Parent != table))
        {
            if (alternatives++ > 0) sql.Append(" OR ");
            ForeignKeyStep.AppendDown(sql, edge, ConditionOn(edge.Parent));
        }

        if (alternatives == 0) sql.Append("1 = 0");
    }

    private static void AppendKeyList(SqlBuilder sql, IReadOnlyList<string> columns, HashSet<object?[]> keys)
    {
        if (keys.Count == 0)
        {
            sql.Append("1 = 0");
            return;
        }

        ForeignKeyStep.AppendColumns(sql, columns).Append(" IN (");
        var first = true;
        foreach (var key in keys)
        {
            sql.Append(first ? "(" : ",(");
            first = false;
            for (var i = 0; i < key.Length; i++)
            {
                if (i > 0) sql.Append(',');
                sql.Parameter(key[i]);
            }

            sql.Append(')');
        }

        sql.Append(')');
    }

    private string Qualified(TableName table) => _adapter.QualifiedName(table.Schema, table.Table);

    /// <summary>Compares key rows by value.</summary>
    private sealed class KeyComparer : IEqualityComparer<object?[]>
    {
        public static readonly KeyComparer Instance = new();

        public bool Equals(object?[]? x, object?[]? y) => x is not null && y is not null && x.SequenceEqual(y);

        public int GetHashCode(object?[] key)
        {
            var hash = new HashCode();
            foreach (var value in key) hash.Add(value);
            return hash.ToHashCode();
        }
    }
}
