namespace DataJoint;

/// <summary>
/// The rows each table of a cascading delete loses (docs/semantics.md#cascade): the seed's own restriction; for a master
/// reached through <c>partIntegrity: "cascade"</c>, the literal list of its affected keys; and for every descendant
/// the rows whose foreign key points at affected parent rows (OR over every incoming foreign key).
/// </summary>
internal sealed class DeleteCascade(Table seedTable, TableName seed, DependencyGraph graph)
{
    private readonly Connection _connection = seedTable.Connection;
    private readonly BackendAdapter _adapter = seedTable.Connection.Adapter;

    // Masters restricted by materialised keys: their primary-key columns and the affected key rows.
    private readonly Dictionary<TableName, (IReadOnlyList<string> Columns, HashSet<object?[]> Keys)> _masterKeys = [];

    // The masters' handles, headings read once.
    private readonly Dictionary<TableName, FreeTable> _masterTables = [];

    private IReadOnlyList<TableName> _members = graph.DescendantsInTopologicalOrder(seed);
    private HashSet<TableName>? _memberSet;

    /// <summary>The affected tables, parents before children.</summary>
    public IReadOnlyList<TableName> Members => _members;

    private HashSet<TableName> MemberSet => _memberSet ??= [.. _members];

    /// <summary>
    /// For every part table the cascade reaches, restricts its master to the masters of the affected part rows (read
    /// now, while the parts still exist) and cascades from there to all its parts, until no new master rows appear.
    /// </summary>
    public async ValueTask AddMastersOfAffectedParts(bool sync, CancellationToken cancellationToken)
    {
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var part in Members.Where(t => t.Master is not null).ToList())
            {
                // A part of the seed itself only reaches seed rows; a part without a foreign-key path to its master is left alone.
                var master = part.Master!.Value;
                if (master == seed || graph.PathUp(part, master) is not { } path) continue;
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

            _members = graph.DescendantsInTopologicalOrder([seed, .. _masterKeys.Keys]);
            _memberSet = null;
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
        for (var i = path.Count - 1; i >= 0; i--)
        {
            var edge = path[i];
            AppendColumns(sql, edge.ParentColumns).Append(" IN (SELECT ");
            sql.Append(string.Join(",", edge.ChildColumns.Select(_adapter.Quote))).Append(" FROM ").Append(Qualified(edge.Child));
            if (i > 0) sql.Append(" WHERE ");
        }

        AppendWhere(sql, path[0].Child);
        sql.Append(new string(')', path.Count));
        return sql.Build();
    }

    public SqlStatement DeleteStatement(TableName table) =>
        StatementBuilder.Delete(_adapter, Qualified(table), AllRowsAffected(table) ? [] : [new FragmentCondition(sql => AppendAffected(sql, table))]);

    private bool AllRowsAffected(TableName table) => table == seed && !seedTable.HasWhere;

    /// <summary>Appends <c> WHERE</c> and the table's affected-rows condition, or nothing when every row is affected.</summary>
    private void AppendWhere(SqlBuilder sql, TableName table)
    {
        if (AllRowsAffected(table)) return;
        sql.Append(" WHERE ");
        AppendAffected(sql, table);
    }

    /// <summary>Appends the condition on <paramref name="table"/>'s rows that the cascade deletes.</summary>
    private void AppendAffected(SqlBuilder sql, TableName table)
    {
        var alternatives = 0;
        if (table == seed)
        {
            sql.Append('(');
            seedTable.AppendConditionsOnly(sql);
            sql.Append(')');
            alternatives++;
        }

        if (_masterKeys.TryGetValue(table, out var master))
        {
            if (alternatives++ > 0) sql.Append(" OR ");
            AppendKeyList(sql, master.Columns, master.Keys);
        }

        foreach (var edge in graph.ParentsOf(table).Where(e => MemberSet.Contains(e.Parent) && e.Parent != table))
        {
            if (alternatives++ > 0) sql.Append(" OR ");
            AppendColumns(sql, edge.ChildColumns).Append(" IN (SELECT ")
                .Append(string.Join(",", edge.ParentColumns.Select(_adapter.Quote))).Append(" FROM ").Append(Qualified(edge.Parent));
            AppendWhere(sql, edge.Parent);
            sql.Append(')');
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

        AppendColumns(sql, columns).Append(" IN (");
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

    private static SqlBuilder AppendColumns(SqlBuilder sql, IReadOnlyList<string> columns) =>
        sql.Append('(').Append(string.Join(",", columns.Select(sql.Adapter.Quote))).Append(')');

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
