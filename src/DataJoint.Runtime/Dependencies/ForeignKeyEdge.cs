namespace DataJoint;

/// <summary>One foreign key between two tables, read from the database: child columns → parent columns.</summary>
internal sealed record ForeignKeyEdge(TableName Child, TableName Parent, IReadOnlyList<string> ChildColumns, IReadOnlyList<string> ParentColumns,
    string Constraint = "")
{
    /// <summary>True when some column is renamed (<c>-&gt; Parent.proj(new='old')</c>).</summary>
    public bool Aliased => ChildColumns.Where((c, i) => c != ParentColumns[i]).Any();
}

/// <summary>A table by schema and SQL name.</summary>
internal readonly record struct TableName(string Schema, string Table)
{
    /// <summary>DataJoint's part naming: <c>master__part</c> after the tier prefix.</summary>
    public TableName? Master
    {
        get
        {
            var body = Table.TrimStart('_', '#');
            var split = body.LastIndexOf("__", StringComparison.Ordinal);
            return split <= 0 ? null : new TableName(Schema, Table[..(Table.Length - body.Length + split)]);
        }
    }

    public override string ToString() => $"{Schema}.{Table}";
}
