using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace DataJoint;

/// <summary>
/// A DataJoint query: a heading and a set of rows described lazily. Expressions are immutable; operators
/// return new expressions, and nothing touches the database until a fetch, count or change.
/// </summary>
public abstract partial class QueryExpression
{
    private ImmutableList<Condition> _restrictions = [];
    private TopClause? _top;

    /// <summary>The connection the query runs on.</summary>
    public abstract Connection Connection { get; }

    /// <summary>The attributes of the result.</summary>
    public abstract Heading Heading { get; }

    /// <summary>Primary-key attribute names of the result.</summary>
    public IReadOnlyList<string> PrimaryKey => Heading.PrimaryKey;

    internal IReadOnlyList<Condition> Restrictions => _restrictions;

    /// <summary>True when the expression carries restrictions.</summary>
    public bool IsRestricted => !_restrictions.IsEmpty;

    /// <summary>Ordering and paging applied by <see cref="Top(int?, string?, int)"/>, or null.</summary>
    internal TopClause? TopClause => _top;

    /// <summary>Grouped (aggregation): restrictions apply after grouping.</summary>
    internal virtual bool IsAggregation => false;

    /// <summary>SELECT DISTINCT (a universal-set projection).</summary>
    internal virtual bool IsDistinct => false;

    /// <summary>Conditions of flattened operands, rendered in WHERE before this expression's own restrictions.</summary>
    internal virtual IReadOnlyList<Condition> SourceConditions => [];

    /// <summary>GROUP BY attributes of an aggregation (empty for a whole-table aggregate).</summary>
    internal virtual IReadOnlyList<string> GroupBy => [];

    /// <summary>
    /// A plain expression is FROM + WHERE only: any subset of its columns can be selected directly. Others
    /// (aggregations, DISTINCT, Top) are wrapped as a subquery when only some columns are needed.
    /// </summary>
    internal bool IsPlain => !IsAggregation && !IsDistinct && !HasPaging;

    /// <summary>A Top with a limit or offset (an order-only Top does not change which rows there are).</summary>
    internal bool HasPaging => _top is { } top && (top.Limit is not null || top.Offset > 0);

    /// <summary>Whether some attribute is computed or renamed (its value is an expression over the sources).</summary>
    internal bool HasExpressions => Heading.Attributes.Any(a => a.Expression is not null);

    /// <summary>The SELECT statement this expression runs.</summary>
    public string Sql
    {
        get
        {
            var sql = new SqlBuilder(Connection.Adapter);
            AppendSelect(sql, null, distinct: false);
            return sql.ToString();
        }
    }

    /// <summary>Appends what goes after FROM (a table name, joins, or a parenthesised subquery with alias).</summary>
    internal abstract void AppendFrom(SqlBuilder sql);

    /// <summary>
    /// Appends <c>SELECT cols FROM ... WHERE ...</c> as a fetch reads it (backend read conversions applied);
    /// <paramref name="columns"/> null means the whole heading.
    /// </summary>
    internal void AppendSelect(SqlBuilder sql, IReadOnlyList<string>? columns, bool distinct) =>
        AppendSelectColumns(sql, columns, distinct, read: true);

    /// <summary>
    /// Appends a SELECT of <paramref name="columns"/>; when the expression is not plain and only some columns
    /// are wanted, the full expression becomes a subquery so HAVING aliases, DISTINCT and LIMIT keep their meaning.
    /// <paramref name="read"/> false keeps stored types (for subqueries compared or joined with other columns).
    /// </summary>
    internal void AppendSelectColumns(SqlBuilder sql, IReadOnlyList<string>? columns, bool distinct, bool read)
    {
        var whole = columns is null || (columns.Count == Heading.Names.Count && columns.SequenceEqual(Heading.Names));
        if (whole || IsPlain)
        {
            // An order-only Top orders fetched rows; a DISTINCT subset (keys, counts) drops it because
            // PostgreSQL rejects ORDER BY on columns a SELECT DISTINCT does not return.
            AppendSelectCore(sql, columns ?? Heading.Names, distinct || IsDistinct, read, order: whole || !(distinct || IsDistinct));
            return;
        }

        sql.Append(distinct ? "SELECT DISTINCT " : "SELECT ");
        AppendColumnList(sql, columns!);
        sql.Append(" FROM (");
        AppendSelectCore(sql, Heading.Names, IsDistinct, read: false);
        sql.Append(") AS ").Identifier(sql.NextAlias());
    }

    private void AppendColumnList(SqlBuilder sql, IReadOnlyList<string> columns)
    {
        if (columns.Count == 0)
        {
            sql.Append('1');
            return;
        }

        for (var i = 0; i < columns.Count; i++)
        {
            if (i > 0) sql.Append(',');
            sql.Identifier(columns[i]);
        }
    }

    /// <summary>The full statement: SELECT, FROM, WHERE, GROUP BY, HAVING, ORDER BY and LIMIT.</summary>
    internal void AppendSelectCore(SqlBuilder sql, IReadOnlyList<string> columns, bool distinct, bool read, bool order = true)
    {
        sql.Append(distinct ? "SELECT DISTINCT " : "SELECT ");
        AppendColumns(sql, columns, read);
        sql.Append(" FROM ");
        AppendFrom(sql);
        var where = SourceConditions;
        var post = IsAggregation ? [] : (IReadOnlyList<Condition>)_restrictions;
        AppendConditions(sql, " WHERE ", where.Concat(post).ToList());
        if (IsAggregation)
        {
            if (GroupBy.Count > 0)
            {
                sql.Append(" GROUP BY ");
                AppendColumnList(sql, GroupBy);
            }

            AppendConditions(sql, " HAVING ", _restrictions);
        }

        if (_top is not null && (order || HasPaging)) AppendTop(sql, _top);
    }

    private void AppendColumns(SqlBuilder sql, IReadOnlyList<string> columns, bool read)
    {
        if (columns.Count == 0)
        {
            sql.Append('1');
            return;
        }

        for (var i = 0; i < columns.Count; i++)
        {
            if (i > 0) sql.Append(',');
            var attribute = Heading[columns[i]];
            string? expression;
            if (attribute.RenamedFrom is { } old)
            {
                var quoted = sql.Adapter.Quote(old);
                expression = (read ? sql.Adapter.ReadExpression(quoted, attribute.Spec) : null) ?? quoted;
            }
            else
            {
                expression = attribute.Expression ?? (read ? sql.Adapter.ReadExpression(sql.Adapter.Quote(attribute.Name), attribute.Spec) : null);
            }

            if (expression is not null) sql.Append(expression).Append(" AS ");
            sql.Identifier(attribute.Name);
        }
    }

    private static void AppendConditions(SqlBuilder sql, string keyword, IReadOnlyList<Condition> conditions)
    {
        if (conditions.Count == 0) return;
        sql.Append(keyword);
        for (var i = 0; i < conditions.Count; i++)
        {
            if (i > 0) sql.Append(" AND ");
            sql.Append('(');
            conditions[i].Render(sql);
            sql.Append(')');
        }
    }

    /// <summary>Appends this expression's own restrictions as a WHERE clause (used by DELETE on tables).</summary>
    internal void AppendWhere(SqlBuilder sql) => AppendConditions(sql, " WHERE ", SourceConditions.Concat(_restrictions).ToList());

    /// <summary>Appends this expression's own restrictions joined by AND, without the WHERE keyword.</summary>
    internal void AppendConditionsOnly(SqlBuilder sql) => AppendConditions(sql, "", SourceConditions.Concat(_restrictions).ToList());

    /// <summary>True when the expression restricts its source (otherwise <see cref="AppendWhere"/> writes nothing).</summary>
    internal bool HasWhere => SourceConditions.Count > 0 || _restrictions.Count > 0;

    internal SqlStatement SelectStatement(string? orderBy, int? limit, int offset)
    {
        var query = WithFetchPaging(orderBy, limit, offset);
        var sql = new SqlBuilder(Connection.Adapter);
        query.AppendSelect(sql, null, distinct: false);
        return sql.Build();
    }

    /// <summary>Fetch arguments act as <c>Top(limit, orderBy, offset)</c>; a null order inherits the existing order (default KEY).</summary>
    internal QueryExpression WithFetchPaging(string? orderBy, int? limit, int? offset) =>
        orderBy is null && limit is null && (offset ?? 0) == 0 ? this : ApplyTop(limit, orderBy, offset ?? 0);

    /// <summary>Appends ORDER BY and LIMIT for a plain SELECT (used by callers that build their own statement).</summary>
    internal void AppendOrderAndLimit(SqlBuilder sql, string? orderBy, int? limit, int offset)
    {
        if (orderBy is not null && OrderByClause(orderBy) is { Length: > 0 } order) sql.Append(" ORDER BY ").Append(order);
        AppendLimit(sql, limit, offset);
    }

    private void AppendTop(SqlBuilder sql, TopClause top)
    {
        if (top.OrderBy is not null && OrderByClause(top.OrderBy) is { Length: > 0 } order) sql.Append(" ORDER BY ").Append(order);
        AppendLimit(sql, top.Limit, top.Offset);
    }

    private static void AppendLimit(SqlBuilder sql, long? limit, long offset)
    {
        if (limit is null && offset <= 0) return;

        // DataJoint: an offset without a limit pages through "everything".
        sql.Append(" LIMIT ").Append((limit ?? 999_999_999_999L).ToString(CultureInfo.InvariantCulture));
        if (offset > 0) sql.Append(" OFFSET ").Append(offset.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Expands <c>KEY</c> and quotes attribute names, validating them against the heading.</summary>
    internal string OrderByClause(string orderBy)
    {
        var items = new List<string>();
        foreach (var raw in orderBy.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = raw.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var direction = parts.Length > 1 ? " " + parts[1].ToUpperInvariant() : "";
            if (direction is not ("" or " ASC" or " DESC") || parts.Length > 2)
            {
                throw new DataJointException($"Invalid order_by item '{raw}': use 'attribute', 'attribute DESC' or 'KEY'.");
            }

            if (parts[0].Equals("KEY", StringComparison.Ordinal))
            {
                items.AddRange(PrimaryKey.Select(k => Connection.Adapter.Quote(k) + direction));
                continue;
            }

            if (!Heading.Contains(parts[0]))
            {
                throw new UnknownAttributeException($"Attribute `{parts[0]}` in order_by is not found in the query ({string.Join(", ", Heading.Names)}).");
            }

            items.Add(Connection.Adapter.Quote(parts[0]) + direction);
        }

        return string.Join(", ", items);
    }

    /// <summary>Restricts the query to rows matching <paramref name="condition"/> (see the API guide for condition kinds).</summary>
    /// <param name="condition">The condition.</param>
    /// <param name="semanticCheck">Check that namesakes share their lineage when restricting by another query.</param>
    public QueryExpression Restrict(object condition, bool semanticCheck = true) => WithRestriction(condition, semanticCheck, negate: false);

    /// <summary>Restricts the query to rows not matching <paramref name="condition"/>.</summary>
    public QueryExpression RestrictNot(object condition, bool semanticCheck = true) => WithRestriction(condition, semanticCheck, negate: true);

    /// <summary>
    /// Restricts the query by an interpolated string: the literal text is DataJoint's SQL restriction and every hole is
    /// bound as a parameter (<c>q.Restrict($"species = {input}")</c>); see <see cref="RestrictionStringHandler"/>.
    /// </summary>
    /// <param name="condition">The interpolated restriction, built by the compiler.</param>
    /// <exception cref="ArgumentException">A hole stands inside quotes.</exception>
    /// <exception cref="UnknownAttributeException">The text names something that is not an attribute.</exception>
    [OverloadResolutionPriority(1)]
    public QueryExpression Restrict(RestrictionStringHandler condition) => WithRestriction(condition.ToRestriction(), semanticCheck: true, negate: false);

    /// <summary>Restricts the query by a <see cref="FormattableString"/>, binding each argument as a parameter (as the interpolated form).</summary>
    /// <param name="condition">The restriction; its arguments are values, never SQL.</param>
    public QueryExpression Restrict(FormattableString condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return WithRestriction(InterpolatedRestriction.From(condition), semanticCheck: true, negate: false);
    }

    /// <summary>Restricts the query to rows not matching an interpolated restriction (holes bound as parameters).</summary>
    /// <param name="condition">The interpolated restriction, built by the compiler.</param>
    [OverloadResolutionPriority(1)]
    public QueryExpression RestrictNot(RestrictionStringHandler condition) => WithRestriction(condition.ToRestriction(), semanticCheck: true, negate: true);

    /// <summary>Restricts the query to rows not matching a <see cref="FormattableString"/> (arguments bound as parameters).</summary>
    /// <param name="condition">The restriction; its arguments are values, never SQL.</param>
    public QueryExpression RestrictNot(FormattableString condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return WithRestriction(InterpolatedRestriction.From(condition), semanticCheck: true, negate: true);
    }

    /// <summary>Restriction.</summary>
    public static QueryExpression operator &(QueryExpression query, object condition) => query.Restrict(condition);

    /// <summary>Restriction by an interpolated string whose holes are bound as parameters (<c>q &amp; $"attr = {value}"</c>).</summary>
    public static QueryExpression operator &(QueryExpression query, RestrictionStringHandler condition) => query.Restrict(condition);

    /// <summary>Anti-restriction.</summary>
    public static QueryExpression operator -(QueryExpression query, object condition) => query.RestrictNot(condition);

    /// <summary>Anti-restriction by an interpolated string whose holes are bound as parameters.</summary>
    public static QueryExpression operator -(QueryExpression query, RestrictionStringHandler condition) => query.RestrictNot(condition);

    /// <summary>A copy of this expression with one more restriction; tables keep their own type.</summary>
    protected internal QueryExpression WithRestriction(object condition, bool semanticCheck, bool negate)
    {
        if (condition is global::DataJoint.Top top)
        {
            if (negate) throw new DataJointException("Invalid restriction type: a Top cannot be negated or used in an anti-restriction.");
            return this is Table ? TableTop(top.Limit, top.OrderBy, top.Offset) : ApplyTop(top.Limit, top.OrderBy, top.Offset);
        }

        // DataJoint's subquery rule: restricting anything with a Top, or computed/renamed attributes of a
        // non-aggregation, applies to the wrapped result. Aggregations take HAVING where the backend can
        // reference SELECT aliases there (MySQL); PostgreSQL wraps instead.
        var target = this;
        if (HasPaging || (IsAggregation ? !Connection.Adapter.HavingSeesSelectAliases : HasExpressions))
        {
            target = Wrap();
        }

        var compiled = ConditionCompiler.Compile(condition, target, semanticCheck);
        if (negate) compiled = compiled.Negate();
        if (compiled.Constant == true) return target;
        var copy = (QueryExpression)target.MemberwiseClone();
        copy._restrictions = target._restrictions.Add(compiled);
        return copy;
    }

    /// <summary>This expression as a subquery: <c>SELECT * FROM (this) AS alias</c>, a plain expression over its columns.</summary>
    internal QueryExpression Wrap() => DerivedQuery.Over(this);

    /// <summary>Applies ordering/paging with DataJoint's merge rule for consecutive Tops (docs/semantics.md#ordering-and-paging).</summary>
    internal QueryExpression ApplyTop(long? limit, string? orderBy, long offset)
    {
        if (limit < 0) throw new ArgumentOutOfRangeException(nameof(limit), limit, "Top limit must be a non-negative integer or null.");
        if (offset < 0) throw new ArgumentOutOfRangeException(nameof(offset), offset, "Top offset must be a non-negative integer.");
        if (orderBy is not null) _ = OrderByClause(orderBy);
        if (this is Table)
        {
            // Tables never carry paging themselves (deletes and typed restrictions use them as tables); a paged
            // table is a derived query over it, keeping the table's fetch order.
            var flat = DerivedQuery.Flatten(this);
            flat._top = _top;
            return flat.ApplyTop(limit, orderBy, offset);
        }

        if (_top is null)
        {
            var copy = (QueryExpression)MemberwiseClone();
            copy._top = new TopClause(limit, orderBy ?? "KEY", offset);
            return copy;
        }

        if (orderBy is null || string.Equals(orderBy, _top.OrderBy, StringComparison.Ordinal))
        {
            var merged = (QueryExpression)MemberwiseClone();
            var mergedLimit = (_top.Limit, limit) switch
            {
                (null, var b) => b,
                (var a, null) => a,
                (var a, var b) => Math.Min(a!.Value, b!.Value),
            };
            merged._top = new TopClause(mergedLimit, _top.OrderBy, _top.Offset + offset);
            return merged;
        }

        return Wrap().ApplyTop(limit, orderBy, offset);
    }

    /// <summary>
    /// A Top applied by restriction to a table keeps the table's type (so typed operators and fetches still
    /// apply): the rows become <c>key IN (SELECT key ... ORDER BY ... LIMIT ...)</c> and the ordering is kept for
    /// fetching. Deleting from such a table deletes exactly those rows.
    /// </summary>
    private QueryExpression TableTop(long? limit, string? orderBy, long offset)
    {
        if (orderBy is not null) _ = OrderByClause(orderBy);
        var order = orderBy ?? _top?.OrderBy ?? "KEY";
        var copy = (QueryExpression)MemberwiseClone();
        if (limit is not null || offset > 0)
        {
            var limited = DerivedQuery.Flatten(this).ApplyTop(limit, order, offset);
            copy._restrictions = _restrictions.Add(new InQueryCondition(PrimaryKey, limited));
        }

        copy._top = new TopClause(null, order, 0);
        return copy;
    }

    /// <summary>Throws unless both operands run on the same connection (DataJoint's first join-compatibility rule).</summary>
    internal void AssertSameConnection(QueryExpression other)
    {
        if (!ReferenceEquals(Connection, other.Connection))
        {
            throw new DataJointException("Cannot operate on expressions from different connections: both operands must come from "
                + "the same Instance (connection). Fetch from one and restrict the other by the fetched keys instead.");
        }
    }

    /// <summary>Exactly one element; DataJoint's fetch1 error otherwise.</summary>
    protected internal static T Single<T>(IReadOnlyList<T> rows) => rows.Count == 1
        ? rows[0]
        : throw new DataJointException(rows.Count == 0
            ? "fetch1 requires exactly one tuple in the input set. The query returned none."
            : "fetch1 requires exactly one tuple in the input set. The query returned more than one; restrict it to one key.");
}

/// <summary>Ordering and paging of an expression (DataJoint's <c>Top</c>).</summary>
internal sealed record TopClause(long? Limit, string? OrderBy, long Offset);
