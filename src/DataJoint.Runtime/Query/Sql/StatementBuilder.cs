namespace DataJoint;

/// <summary>What an INSERT does with a row whose primary key exists.</summary>
internal enum InsertConflict
{
    /// <summary>The server's duplicate-key error.</summary>
    Error,

    /// <summary>Keep the existing row (DataJoint's <c>skip_duplicates</c>).</summary>
    Skip,

    /// <summary>Replace it (DataJoint's <c>replace</c>; an upsert).</summary>
    Replace,
}

/// <summary>
/// The one builder of data-changing statements — INSERT (with skip-duplicates or replace), UPDATE, DELETE — on a table
/// given by its quoted full name. Values are always bound; WHERE clauses are conditions of the query model, rendered by
/// <see cref="QuerySqlGenerator"/>; the dialect's parts (quoting, placeholders, conflict clauses) come from the adapter.
/// </summary>
internal static class StatementBuilder
{
    /// <summary>A value written as the column's <c>DEFAULT</c> instead of a parameter.</summary>
    public static readonly object Default = new SqlExpression("DEFAULT");

    /// <summary>
    /// A value written as SQL instead of a parameter: a server expression such as the adapter's current time or session
    /// id. Only for text the library builds itself, never for user input (that is always a parameter).
    /// </summary>
    public static object Expression(string sql) => new SqlExpression(sql);

    /// <summary>A condition written as SQL the library builds itself (never user input), e.g. <c>status='reserved'</c>.</summary>
    public static Condition Fragment(string sql) => new FragmentCondition(builder => builder.Append(sql));

    /// <summary><c>DELETE FROM table [WHERE ...]</c>; no condition deletes every row.</summary>
    public static SqlStatement Delete(BackendAdapter adapter, string table, IReadOnlyList<Condition> where)
    {
        var sql = new SqlBuilder(adapter);
        sql.Append("DELETE FROM ").Append(table);
        AppendWhere(sql, where);
        return sql.Build();
    }

    /// <summary><c>UPDATE table SET a = value, ... [WHERE ...]</c>; <see cref="Default"/> sets the column's default.</summary>
    public static SqlStatement Update(BackendAdapter adapter, string table, IReadOnlyList<(string Column, object? Value)> set,
        IReadOnlyList<Condition> where)
    {
        if (set.Count == 0) throw new ArgumentException($"An UPDATE of {table} needs at least one column to set.", nameof(set));
        var sql = new SqlBuilder(adapter);
        sql.Append("UPDATE ").Append(table).Append(" SET ");
        for (var i = 0; i < set.Count; i++)
        {
            if (i > 0) sql.Append(", ");
            sql.Identifier(set[i].Column).Append(" = ");
            AppendValue(sql, set[i].Value);
        }

        AppendWhere(sql, where);
        return sql.Build();
    }

    /// <summary>
    /// A multi-row <c>INSERT INTO table (columns) VALUES (...), (...)</c> with the backend's clause for
    /// <paramref name="conflict"/> on <paramref name="primaryKey"/>; <see cref="Default"/> values are written as DEFAULT.
    /// </summary>
    public static SqlStatement Insert(BackendAdapter adapter, string table, IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<object?>> rows,
        IReadOnlyList<string> primaryKey, InsertConflict conflict)
    {
        var sql = new SqlBuilder(adapter);
        sql.Append(adapter.InsertVerb(conflict == InsertConflict.Replace)).Append(table).Append(" (");
        AppendIdentifiers(sql, columns);
        sql.Append(") VALUES ");
        var count = 0;
        foreach (var row in rows)
        {
            if (row.Count != columns.Count)
            {
                throw new ArgumentException($"A row for {table} has {row.Count} values for {columns.Count} columns.", nameof(rows));
            }

            sql.Append(count++ > 0 ? ", (" : "(");
            for (var i = 0; i < row.Count; i++)
            {
                if (i > 0) sql.Append(", ");
                AppendValue(sql, row[i]);
            }

            sql.Append(')');
        }

        if (count == 0) throw new ArgumentException($"An INSERT into {table} needs at least one row.", nameof(rows));
        AppendConflict(sql, table, primaryKey, columns, conflict);
        return sql.Build();
    }

    /// <summary>
    /// <c>INSERT INTO table (columns) SELECT … FROM (query) AS source</c>: the rows of <paramref name="source"/>, read and written
    /// by the server in one statement, its <paramref name="sourceColumns"/> going into <paramref name="columns"/> by position.
    /// </summary>
    public static SqlStatement InsertSelect(BackendAdapter adapter, string table, IReadOnlyList<string> columns, QueryExpression source,
        IReadOnlyList<string> sourceColumns, IReadOnlyList<string> primaryKey, InsertConflict conflict)
    {
        if (columns.Count == 0 || columns.Count != sourceColumns.Count)
        {
            throw new ArgumentException($"An INSERT … SELECT into {table} needs as many source columns as target columns (at least one).", nameof(columns));
        }

        var sql = new SqlBuilder(adapter);
        sql.Append(adapter.InsertVerb(conflict == InsertConflict.Replace)).Append(table).Append(" (");
        AppendIdentifiers(sql, columns);

        // The select is a derived table so that the conflict clause after it cannot be read as part of its FROM.
        sql.Append(") SELECT ");
        AppendIdentifiers(sql, sourceColumns);
        sql.Append(" FROM (");
        // Stored types, not the fetch's read conversions: the values go back into columns.
        new QuerySqlGenerator(sql).AppendSelectColumns(source, sourceColumns, distinct: false, read: false);
        sql.Append(") AS ").Identifier(sql.NextAlias()).Append(adapter.InsertSelectSourceSuffix);
        AppendConflict(sql, table, primaryKey, columns, conflict);
        return sql.Build();
    }

    private static void AppendIdentifiers(SqlBuilder sql, IReadOnlyList<string> names)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (i > 0) sql.Append(", ");
            sql.Identifier(names[i]);
        }
    }

    private static void AppendConflict(SqlBuilder sql, string table, IReadOnlyList<string> primaryKey, IReadOnlyList<string> columns,
        InsertConflict conflict)
    {
        switch (conflict)
        {
            case InsertConflict.Skip:
                sql.Adapter.AppendSkipDuplicates(sql, table, primaryKey, columns);
                break;
            case InsertConflict.Replace:
                sql.Adapter.AppendReplace(sql, primaryKey, columns);
                break;
        }
    }

    /// <summary>The conditions restricting the rows of a table expression (flattened operands' first, then its own).</summary>
    public static IReadOnlyList<Condition> WhereOf(QueryExpression query) => [.. query.SourceConditions, .. query.Restrictions];

    /// <summary><c>column = value</c> for each pair (<c>IS NULL</c> for null), ANDed: a row by its key.</summary>
    public static Condition Equal(IReadOnlyList<(string Column, object? Value)> terms) => new EqualityCondition(terms);

    /// <summary><c>column &lt;&gt; value</c>.</summary>
    public static Condition NotEqual(string column, object? value) =>
        new FragmentCondition(sql => sql.Identifier(column).Append(" <> ").Parameter(value));

    private static void AppendWhere(SqlBuilder sql, IReadOnlyList<Condition> where)
    {
        if (where.Count == 0) return;
        var generator = new QuerySqlGenerator(sql);
        sql.Append(" WHERE ");
        for (var i = 0; i < where.Count; i++)
        {
            if (i > 0) sql.Append(" AND ");
            sql.Append('(');
            generator.AppendCondition(where[i]);
            sql.Append(')');
        }
    }

    private static void AppendValue(SqlBuilder sql, object? value)
    {
        if (ReferenceEquals(value, Default)) sql.Append(sql.Adapter.DefaultInUpdate);
        else if (value is SqlExpression expression) sql.Append(expression.Sql);
        else sql.Parameter(value);
    }

    private sealed class SqlExpression(string sql)
    {
        public string Sql { get; } = sql;

        public override string ToString() => Sql;
    }
}
