namespace DataJoint;

/// <summary>
/// The one place query SQL is written: walks a query model (tables, derived queries, unions, conditions) into a
/// <see cref="SqlBuilder"/>. Every dialect decision — quoting, placeholders, read conversions, joins on shared
/// attributes, EXISTS, LIMIT/OFFSET — is a <see cref="BackendAdapter"/> member, so the generator never names a backend
/// and needs nothing but the adapter: it renders offline as well as for a fetch.
/// </summary>
internal sealed class QuerySqlGenerator
{
    private readonly SqlBuilder _sql;

    public QuerySqlGenerator(SqlBuilder sql) => _sql = sql;

    private BackendAdapter Adapter => _sql.Adapter;

    /// <summary><c>SELECT cols FROM ... WHERE ...</c> of a query as a fetch reads it; <paramref name="columns"/> null: the whole heading.</summary>
    public static SqlStatement Select(QueryExpression query, BackendAdapter adapter, IReadOnlyList<string>? columns = null, bool distinct = false)
    {
        var sql = new SqlBuilder(adapter);
        new QuerySqlGenerator(sql).AppendSelect(query, columns, distinct);
        return sql.Build();
    }

    /// <summary>
    /// <c>SELECT cols FROM ... WHERE ... ORDER BY ... LIMIT ...</c> with the order and limit given here (DataJoint's
    /// <c>order_by</c> text, <c>KEY</c> expanded) rather than by a <see cref="Top"/> of the query.
    /// </summary>
    public static SqlStatement Select(QueryExpression query, BackendAdapter adapter, IReadOnlyList<string> columns, bool distinct, string? orderBy,
        long? limit, long offset = 0)
    {
        var sql = new SqlBuilder(adapter);
        var generator = new QuerySqlGenerator(sql);
        generator.AppendSelect(query, columns, distinct);
        generator.AppendOrderAndLimit(query, orderBy, limit, offset);
        return sql.Build();
    }

    /// <summary><c>SELECT count(*) FROM (…)</c>: the number of distinct rows (DataJoint's <c>len</c>).</summary>
    public static SqlStatement Count(QueryExpression query, BackendAdapter adapter)
    {
        var sql = new SqlBuilder(adapter);
        var generator = new QuerySqlGenerator(sql);
        sql.Append("SELECT count(*) FROM (");
        if (query.IsPlain && query.PrimaryKey.Count > 0) generator.AppendSelectColumns(query, query.PrimaryKey, distinct: true, read: false);
        else generator.AppendSelectCore(query, query.Heading.Names, distinct: true, read: false);
        sql.Append(") AS ").Identifier("_count");
        return sql.Build();
    }

    /// <summary>A one-row, one-column statement: 1 when the query has a row, else 0.</summary>
    public static SqlStatement Exists(QueryExpression query, BackendAdapter adapter)
    {
        var sql = new SqlBuilder(adapter);
        var generator = new QuerySqlGenerator(sql);
        sql.Append("SELECT CASE WHEN ");
        generator.AppendExists(query);
        sql.Append(" THEN 1 ELSE 0 END");
        return sql.Build();
    }

    /// <summary>
    /// Appends <c>SELECT cols FROM ... WHERE ...</c> as a fetch reads it (backend read conversions applied);
    /// <paramref name="columns"/> null means the whole heading.
    /// </summary>
    public void AppendSelect(QueryExpression query, IReadOnlyList<string>? columns, bool distinct) =>
        AppendSelectColumns(query, columns, distinct, read: true);

    /// <summary>
    /// Appends a SELECT of <paramref name="columns"/>; when the expression is not plain and only some columns
    /// are wanted, the full expression becomes a subquery so HAVING aliases, DISTINCT and LIMIT keep their meaning.
    /// <paramref name="read"/> false keeps stored types (for subqueries compared or joined with other columns).
    /// </summary>
    public void AppendSelectColumns(QueryExpression query, IReadOnlyList<string>? columns, bool distinct, bool read)
    {
        var heading = query.Heading;
        var whole = columns is null || (columns.Count == heading.Names.Count && columns.SequenceEqual(heading.Names));
        if (whole || query.IsPlain)
        {
            // An order-only Top orders fetched rows; a DISTINCT subset (keys, counts) drops it because some servers
            // reject ORDER BY on columns a SELECT DISTINCT does not return.
            var anyDistinct = distinct || query.IsDistinct;
            AppendSelectCore(query, columns ?? heading.Names, anyDistinct, read, order: whole || !anyDistinct);
            return;
        }

        _sql.Append(distinct ? "SELECT DISTINCT " : "SELECT ");
        AppendNames(columns!);
        _sql.Append(" FROM (");
        AppendSelectCore(query, heading.Names, query.IsDistinct, read: false);
        _sql.Append(") AS ").Identifier(_sql.NextAlias());
    }

    /// <summary>The full statement: SELECT, FROM, WHERE, GROUP BY, HAVING, ORDER BY and LIMIT.</summary>
    public void AppendSelectCore(QueryExpression query, IReadOnlyList<string> columns, bool distinct, bool read, bool order = true)
    {
        _sql.Append(distinct ? "SELECT DISTINCT " : "SELECT ");
        AppendColumns(query.Heading, columns, read);
        _sql.Append(" FROM ");
        AppendFrom(query);
        var own = query.IsAggregation ? [] : query.Restrictions;
        AppendConditions(" WHERE ", query.SourceConditions.Concat(own).ToList());
        if (query.IsAggregation)
        {
            if (query.GroupBy.Count > 0)
            {
                _sql.Append(" GROUP BY ");
                AppendNames(query.GroupBy);
            }

            AppendConditions(" HAVING ", query.Restrictions);
        }

        if (query.TopClause is { } top && (order || query.HasPaging))
        {
            AppendOrderBy(query, top.OrderBy);
            Adapter.AppendLimit(_sql, top.Limit, top.Offset);
        }
    }

    /// <summary>Appends ORDER BY and LIMIT after a SELECT built by the caller.</summary>
    public void AppendOrderAndLimit(QueryExpression query, string? orderBy, long? limit, long offset)
    {
        AppendOrderBy(query, orderBy);
        Adapter.AppendLimit(_sql, limit, offset);
    }

    /// <summary>What follows FROM: a table name, joined sources, or a union as a derived table.</summary>
    public void AppendFrom(QueryExpression query)
    {
        switch (query)
        {
            case Table table:
                _sql.Append(Adapter.QualifiedName(table.Schema.Name, table.SqlTableName));
                break;
            case DerivedQuery derived:
                foreach (var source in derived.Sources) AppendSource(source);
                break;
            case UnionQuery union:
                AppendUnion(union);
                break;
            default:
                throw new InvalidOperationException($"{query.GetType().Name} is not part of the query model the SQL generator renders.");
        }
    }

    /// <summary>The query's own conditions (flattened operands' first) joined by AND, with <paramref name="keyword"/> before them.</summary>
    public void AppendWhere(QueryExpression query, string keyword = " WHERE ") =>
        AppendConditions(keyword, query.SourceConditions.Concat(query.Restrictions).ToList());

    public void AppendCondition(Condition condition)
    {
        switch (condition)
        {
            case LeafCondition leaf:
                leaf.Render(_sql);
                break;
            case NotCondition not:
                _sql.Append("NOT (");
                AppendCondition(not.Inner);
                _sql.Append(')');
                break;
            case JunctionCondition junction:
                for (var i = 0; i < junction.Items.Count; i++)
                {
                    if (i > 0) _sql.Append(junction.IsOr ? " OR " : " AND ");
                    _sql.Append('(');
                    AppendCondition(junction.Items[i]);
                    _sql.Append(')');
                }

                break;
            case InQueryCondition semijoin:
                AppendTuple(semijoin.Attributes);
                _sql.Append(" IN (");
                AppendSelectColumns(semijoin.Subquery, semijoin.Attributes, distinct: false, read: false);
                _sql.Append(')');
                break;
            case ExistsCondition exists:
                AppendExists(exists.Subquery);
                break;
            default:
                throw new InvalidOperationException($"{condition.GetType().Name} is not a condition the SQL generator renders.");
        }
    }

    private void AppendExists(QueryExpression query) =>
        Adapter.AppendExists(_sql, () => AppendSelectColumns(query, query.IsPlain ? [] : null, distinct: false, read: false));

    private void AppendConditions(string keyword, IReadOnlyList<Condition> conditions)
    {
        if (conditions.Count == 0) return;
        _sql.Append(keyword);
        for (var i = 0; i < conditions.Count; i++)
        {
            if (i > 0) _sql.Append(" AND ");
            _sql.Append('(');
            AppendCondition(conditions[i]);
            _sql.Append(')');
        }
    }

    private void AppendColumns(Heading heading, IReadOnlyList<string> columns, bool read)
    {
        if (columns.Count == 0)
        {
            _sql.Append('1');
            return;
        }

        for (var i = 0; i < columns.Count; i++)
        {
            if (i > 0) _sql.Append(',');
            var attribute = heading[columns[i]];
            string? expression;
            if (attribute.RenamedFrom is { } old)
            {
                var quoted = Adapter.Quote(old);
                expression = (read ? Adapter.ReadExpression(quoted, attribute.Spec) : null) ?? quoted;
            }
            else
            {
                expression = attribute.Expression ?? (read ? Adapter.ReadExpression(Adapter.Quote(attribute.Name), attribute.Spec) : null);
            }

            if (expression is not null) _sql.Append(expression).Append(" AS ");
            _sql.Identifier(attribute.Name);
        }
    }

    private void AppendNames(IReadOnlyList<string> names)
    {
        if (names.Count == 0)
        {
            _sql.Append('1');
            return;
        }

        for (var i = 0; i < names.Count; i++)
        {
            if (i > 0) _sql.Append(',');
            _sql.Identifier(names[i]);
        }
    }

    /// <summary><c>a</c> or <c>(a,b)</c>.</summary>
    private void AppendTuple(IReadOnlyList<string> names)
    {
        if (names.Count == 1)
        {
            _sql.Identifier(names[0]);
            return;
        }

        _sql.Append('(');
        AppendNames(names);
        _sql.Append(')');
    }

    private void AppendOrderBy(QueryExpression query, string? orderBy)
    {
        if (orderBy is null) return;
        var items = query.OrderItems(orderBy);
        if (items.Count == 0) return;
        _sql.Append(" ORDER BY ");
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0) _sql.Append(", ");
            _sql.Identifier(items[i].Attribute).Append(items[i].Direction);
        }
    }

    private void AppendSource(QuerySource source)
    {
        if (source.Kind != JoinKind.First) _sql.Append(Adapter.JoinKeyword(source.Kind, source.Using.Count > 0));
        if (source.Table is { } table)
        {
            AppendFrom(table);
        }
        else
        {
            var query = source.Subquery!;
            _sql.Append('(');
            if (source.Columns is { } columns) AppendSelect(query, columns, distinct: source.DistinctRead);
            else AppendSelectCore(query, query.Heading.Names, query.IsDistinct, read: false);
            _sql.Append(") AS ").Identifier(_sql.NextAlias());
        }

        if (source.Kind != JoinKind.First) Adapter.AppendJoinCondition(_sql, source.Kind, source.Using);
    }

    /// <summary>
    /// <c>((A) UNION (B)) AS alias</c>. With secondary attributes, the first branch is A LEFT JOIN B and the second the
    /// rows of B whose key is not in A (A's secondaries NULL).
    /// </summary>
    private void AppendUnion(UnionQuery union)
    {
        var (a, b) = (union.Left, union.Right);
        var key = a.PrimaryKey;
        var names = union.Heading.Names;
        _sql.Append("((");
        if (a.Heading.SecondaryAttributes.Count + b.Heading.SecondaryAttributes.Count == 0)
        {
            AppendSelectColumns(a, key, distinct: false, read: false);
            _sql.Append(") UNION (");
            AppendSelectColumns(b, key, distinct: false, read: false);
        }
        else
        {
            _sql.Append("SELECT ");
            AppendNames(names);
            _sql.Append(" FROM (");
            AppendSelectColumns(a, null, distinct: false, read: false);
            _sql.Append(") AS ").Identifier(_sql.NextAlias()).Append(Adapter.JoinKeyword(JoinKind.Left, key.Count > 0)).Append('(');
            AppendSelectColumns(b, null, distinct: false, read: false);
            _sql.Append(") AS ").Identifier(_sql.NextAlias());
            Adapter.AppendJoinCondition(_sql, JoinKind.Left, key);
            _sql.Append(") UNION (SELECT ");
            for (var i = 0; i < names.Count; i++)
            {
                if (i > 0) _sql.Append(',');
                if (b.Heading.Contains(names[i])) _sql.Identifier(names[i]);
                else _sql.Append("NULL AS ").Identifier(names[i]);
            }

            _sql.Append(" FROM (");
            AppendSelectColumns(b, null, distinct: false, read: false);
            _sql.Append(") AS ").Identifier(_sql.NextAlias()).Append(" WHERE ");
            AppendTuple(key);
            _sql.Append(" NOT IN (");
            AppendSelectColumns(a, key, distinct: false, read: false);
            _sql.Append(')');
        }

        _sql.Append(")) AS ").Identifier(_sql.NextAlias());
    }
}
