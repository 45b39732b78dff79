namespace DataJoint;

/// <summary>How a source joins the sources before it.</summary>
internal enum JoinKind
{
    First,
    Inner,
    Left,
}

/// <summary>
/// One FROM source of a derived query: a table by name (its restrictions moved to the derived query's WHERE)
/// or a nested expression rendered as <c>(SELECT ...) AS alias</c>, plus how it joins the previous sources.
/// </summary>
internal sealed record QuerySource(Table? Table, QueryExpression? Subquery, JoinKind Kind, IReadOnlyList<string> Using)
{
    public static QuerySource ForTable(Table table) => new(table, null, JoinKind.First, []);

    public static QuerySource ForSubquery(QueryExpression query) => new(null, query, JoinKind.First, []);

    public QuerySource Joined(JoinKind kind, IReadOnlyList<string> usingAttributes) => this with { Kind = kind, Using = usingAttributes };

    public void Render(SqlBuilder sql)
    {
        switch (Kind)
        {
            case JoinKind.Inner:
                sql.Append(Using.Count == 0 ? " CROSS JOIN " : " JOIN ");
                break;
            case JoinKind.Left:
                sql.Append(" LEFT JOIN ");
                break;
        }

        if (Table is not null)
        {
            Table.AppendFrom(sql);
        }
        else
        {
            sql.Append('(');
            Subquery!.AppendSelectCore(sql, Subquery.Heading.Names, Subquery.IsDistinct, read: false);
            sql.Append(") AS ").Identifier(sql.NextAlias());
        }

        if (Kind == JoinKind.First) return;
        if (Using.Count > 0)
        {
            sql.Append(" USING (");
            for (var i = 0; i < Using.Count; i++)
            {
                if (i > 0) sql.Append(',');
                sql.Identifier(Using[i]);
            }

            sql.Append(')');
        }
        else if (Kind == JoinKind.Left)
        {
            sql.Append(" ON TRUE");
        }
    }
}
