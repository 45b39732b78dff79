namespace DataJoint;

/// <summary>
/// <c>A + B</c>: <c>SELECT * FROM ((A) UNION (B)) AS alias</c>. With secondary attributes, the first branch is
/// A LEFT JOIN B and the second the rows of B whose key is not in A (A's secondaries NULL). Restrictions of
/// the union apply to the derived table, so nothing else needs wrapping.
/// </summary>
internal sealed class UnionQuery : QueryExpression
{
    private readonly QueryExpression _a;
    private readonly QueryExpression _b;
    private readonly Heading _heading;

    public UnionQuery(QueryExpression a, QueryExpression b)
    {
        _a = a;
        _b = b;
        var attributes = a.PrimaryKey.Select(k => a.Heading[k].AsStored())
            .Concat(a.Heading.Attributes.Where(x => !x.InKey).Select(x => x.AsStored() with { Nullable = true }))
            .Concat(b.Heading.Attributes.Where(x => !x.InKey).Select(x => x.AsStored() with { Nullable = true }))
            .ToList();
        _heading = new Heading(attributes, a.Heading.LineageAvailable && b.Heading.LineageAvailable);
    }

    public override Connection Connection => _a.Connection;

    public override Heading Heading => _heading;

    internal override void AppendFrom(SqlBuilder sql)
    {
        var key = _a.PrimaryKey;
        sql.Append("((");
        if (_a.Heading.SecondaryAttributes.Count + _b.Heading.SecondaryAttributes.Count == 0)
        {
            _a.AppendSelectColumns(sql, key, distinct: false, read: false);
            sql.Append(") UNION (");
            _b.AppendSelectColumns(sql, key, distinct: false, read: false);
        }
        else
        {
            sql.Append("SELECT ");
            List(sql, _heading.Names);
            sql.Append(" FROM (");
            _a.AppendSelectColumns(sql, null, distinct: false, read: false);
            sql.Append(") AS ").Identifier(sql.NextAlias()).Append(" LEFT JOIN (");
            _b.AppendSelectColumns(sql, null, distinct: false, read: false);
            sql.Append(") AS ").Identifier(sql.NextAlias()).Append(" USING (");
            List(sql, key);
            sql.Append(")) UNION (SELECT ");
            for (var i = 0; i < _heading.Names.Count; i++)
            {
                if (i > 0) sql.Append(',');
                var name = _heading.Names[i];
                if (_b.Heading.Contains(name)) sql.Identifier(name);
                else sql.Append("NULL AS ").Identifier(name);
            }

            sql.Append(" FROM (");
            _b.AppendSelectColumns(sql, null, distinct: false, read: false);
            sql.Append(") AS ").Identifier(sql.NextAlias()).Append(" WHERE ");
            Tuple(sql, key);
            sql.Append(" NOT IN (");
            _a.AppendSelectColumns(sql, key, distinct: false, read: false);
            sql.Append(')');
        }

        sql.Append(")) AS ").Identifier(sql.NextAlias());
    }

    private static void List(SqlBuilder sql, IReadOnlyList<string> names)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (i > 0) sql.Append(',');
            sql.Identifier(names[i]);
        }
    }

    private static void Tuple(SqlBuilder sql, IReadOnlyList<string> names)
    {
        if (names.Count == 1)
        {
            sql.Identifier(names[0]);
            return;
        }

        sql.Append('(');
        List(sql, names);
        sql.Append(')');
    }
}
