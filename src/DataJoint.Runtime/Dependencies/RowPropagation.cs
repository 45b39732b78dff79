namespace DataJoint;

/// <summary>
/// Rows selected in several tables by propagating restrictions along foreign keys (docs/diagrams.md#operational-diagrams):
/// the cascade a delete runs, a diagram's restriction, a trace upstream. Each restricted table's rows are one SQL
/// condition over that table's own columns.
/// </summary>
internal interface IRowPropagation
{
    /// <summary>The restricted tables, parents before children.</summary>
    IReadOnlyList<TableName> Members { get; }

    /// <summary>Appends the condition selecting <paramref name="table"/>'s rows (a member), without WHERE.</summary>
    void AppendCondition(SqlBuilder sql, TableName table);
}

/// <summary>The SQL of one foreign-key step, written the same way by every <see cref="IRowPropagation"/>.</summary>
internal static class ForeignKeyStep
{
    /// <summary>
    /// <c>(child cols) IN (SELECT parent cols FROM parent [WHERE ...])</c>: the child rows referring to the parent rows
    /// <paramref name="appendParentCondition"/> selects (null: every parent row).
    /// </summary>
    public static void AppendDown(SqlBuilder sql, ForeignKeyEdge edge, Action<SqlBuilder>? appendParentCondition) =>
        AppendIn(sql, edge.ChildColumns, edge.Parent, edge.ParentColumns, appendParentCondition);

    /// <summary><c>(parent cols) IN (SELECT child cols FROM child [WHERE ...])</c>: the parent rows the selected child rows refer to.</summary>
    public static void AppendUp(SqlBuilder sql, ForeignKeyEdge edge, Action<SqlBuilder>? appendChildCondition) =>
        AppendIn(sql, edge.ParentColumns, edge.Child, edge.ChildColumns, appendChildCondition);

    private static void AppendIn(SqlBuilder sql, IReadOnlyList<string> columns, TableName other, IReadOnlyList<string> otherColumns,
        Action<SqlBuilder>? appendOtherCondition)
    {
        AppendColumns(sql, columns).Append(" IN (SELECT ").Append(string.Join(",", otherColumns.Select(sql.Adapter.Quote)))
            .Append(" FROM ").Append(sql.Adapter.QualifiedName(other.Schema, other.Table));
        if (appendOtherCondition is not null)
        {
            sql.Append(" WHERE ");
            appendOtherCondition(sql);
        }

        sql.Append(')');
    }

    public static SqlBuilder AppendColumns(SqlBuilder sql, IReadOnlyList<string> columns) =>
        sql.Append('(').Append(string.Join(",", columns.Select(sql.Adapter.Quote))).Append(')');
}
